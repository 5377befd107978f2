import { readFileSync, statSync } from 'node:fs';

/** One organisation the operator has verified: its WebID, registered name and organisationsnummer. */
export interface VerifiedOrganisation {
  webId: string;
  name: string;
  /** Swedish organisation number, NNNNNN-NNNN (the last digit is a Luhn check digit). */
  organisationNumber: string;
}

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;

/**
 * The operator's registry of verified organisations, read once at start from the JSON file named
 * by VERIFIED_ORGANISATIONS: `[{"webId": "https://…#me", "name": "…", "organisationNumber": "202100-2114"}]`.
 * A file that is missing or wrong stops the server with the reason: a registry silently
 * ignored would show every organisation as unverified.
 */
export function verifiedOrganisationsFromFile(path: string | undefined): VerifiedOrganisation[] | undefined {
  if (!path) return undefined;
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`VERIFIED_ORGANISATIONS: cannot read ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`VERIFIED_ORGANISATIONS: ${path} is not JSON: ${(error as Error).message}`);
  }
  return checkRegistry(data, path);
}

export function checkRegistry(data: unknown, where = 'the registry'): VerifiedOrganisation[] {
  const fail = (message: string): never => { throw new Error(`VERIFIED_ORGANISATIONS: ${where}: ${message}`); };
  if (!Array.isArray(data)) return fail('must be a JSON array of {"webId", "name", "organisationNumber"}');
  if (data.length > MAX_ENTRIES) fail(`more than ${MAX_ENTRIES} entries`);
  const seen = new Set<string>();
  return data.map((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const at = `entry ${i + 1}`;
    if (typeof e.webId !== 'string' || !/^https?:\/\/\S+$/.test(e.webId)) fail(`${at}: "webId" must be an http(s) URL`);
    if (typeof e.name !== 'string' || !e.name.trim() || e.name.length > 200) fail(`${at}: "name" must be 1–200 characters`);
    if (typeof e.organisationNumber !== 'string' || !isOrganisationNumber(e.organisationNumber)) {
      fail(`${at}: "organisationNumber" must be a Swedish organisation number NNNNNN-NNNN with a valid check digit`);
    }
    if (seen.has(e.webId as string)) fail(`${at}: ${e.webId} is listed twice`);
    seen.add(e.webId as string);
    return { webId: e.webId as string, name: (e.name as string).trim(), organisationNumber: e.organisationNumber as string };
  });
}

/** NNNNNN-NNNN whose ten digits pass the Luhn check. */
export function isOrganisationNumber(value: string): boolean {
  if (!/^\d{6}-\d{4}$/.test(value)) return false;
  const digits = value.replace('-', '').split('').map(Number);
  const sum = digits.reduce((total, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return total + (v > 9 ? v - 9 : v);
  }, 0);
  return sum % 10 === 0;
}

/** Lookups by WebID, and by name, to warn when a self-declared name copies a verified one. */
export class VerifiedRegistry {
  readonly #byWebId = new Map<string, VerifiedOrganisation>();
  readonly #byName = new Map<string, VerifiedOrganisation>();

  constructor(entries: readonly VerifiedOrganisation[] = []) {
    for (const entry of entries) {
      this.#byWebId.set(entry.webId, entry);
      this.#byName.set(nameKey(entry.name), entry);
    }
  }

  byWebId(webId: string): VerifiedOrganisation | undefined { return this.#byWebId.get(webId); }

  /** A verified organisation whose name this is, when the WebID is not that organisation's. */
  impersonated(name: string | undefined, webId: string): VerifiedOrganisation | undefined {
    const match = name ? this.#byName.get(nameKey(name)) : undefined;
    return match && match.webId !== webId ? match : undefined;
  }
}

const nameKey = (name: string): string => name.normalize('NFKC').toLocaleLowerCase('sv').replace(/[^\p{L}\p{N}]+/gu, '');
