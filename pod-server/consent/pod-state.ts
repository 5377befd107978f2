import {
  grantFromRecord, lastEntry, validateAccessRequest, validateConsentRecord,
  type AccessLogEntry, type AccessRequest, type ConsentRecord, type Grant,
} from '../../consent/index.ts';
import { urlForPath } from '../ldp/paths.ts';
import type { ResourceStore } from '../storage/store.ts';
import { ACCESS_LOG, RECORDS_DIR, REQUESTS_DIR, ownerWebId } from './layout.ts';
import { repairAccessLog } from './log-repair.ts';

/**
 * What the pod server knows of one pod's consent: its requests, records, the grants derived
 * from them, and the head of its access log. Records in the pod are the truth; this is the
 * index, changed in the same operation that changes a record.
 */
export class PodConsent {
  readonly requests = new Map<string, AccessRequest>();
  readonly records = new Map<string, ConsentRecord>();
  grants: Grant[] = [];
  /** When each requester was last refused, for the cool-down. */
  readonly refusedAt = new Map<string, number>();
  logHead: AccessLogEntry | undefined;
  /** The append batcher's epoch when this head was read: a head from before a failed write is stale. */
  logEpoch: number | undefined;

  constructor(readonly podPath: string, readonly podUrl: string) {}

  get owner(): string { return ownerWebId(this.podUrl); }

  /** Requests no record answers yet. */
  pending(): AccessRequest[] {
    const answered = new Set([...this.records.values()].map((record) => record.request));
    return [...this.requests.values()].filter((request) => !answered.has(request.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  setRecord(record: ConsentRecord): void {
    this.records.set(record.id, record);
    this.grants = [...this.records.values()].filter((r) => r.resources.length > 0).map(grantFromRecord);
    const last = record.statusHistory.at(-1);
    if (last?.status === 'refused') this.refusedAt.set(record.requester, Date.parse(last.at));
  }

  static async load(store: ResourceStore, baseUrl: string, podPath: string, log: (message: string) => void): Promise<PodConsent> {
    const state = new PodConsent(podPath, urlForPath(baseUrl, podPath));
    for (const path of await store.children(podPath + REQUESTS_DIR)) {
      const parsed = await readParsed(store, baseUrl, path, validateAccessRequest);
      if (parsed) state.requests.set(parsed.id, parsed);
      else log(`ignoring unreadable access request ${path}`);
    }
    for (const path of await store.children(podPath + RECORDS_DIR)) {
      const parsed = await readParsed(store, baseUrl, path, validateConsentRecord);
      if (parsed) state.setRecord(parsed);
      else log(`ignoring unreadable consent record ${path}: it grants nothing`);
    }
    const logFile = await store.read(podPath + ACCESS_LOG);
    // A torn last line (crash, full disk) is cut off here rather than failing every load.
    state.logHead = logFile ? lastEntry((await repairAccessLog(store, podPath, logFile, log)).toString('utf8')) : undefined;
    return state;
  }
}

type Validate<T> = (text: string, type: string, base: string) => Promise<{ ok: true; value: T } | { ok: false }>;

async function readParsed<T>(store: ResourceStore, baseUrl: string, path: string, validate: Validate<T>): Promise<T | undefined> {
  const resource = await store.read(path);
  if (!resource) return undefined;
  const parsed = await validate(resource.body.toString('utf8'), resource.contentType, urlForPath(baseUrl, path));
  return parsed.ok ? parsed.value : undefined;
}
