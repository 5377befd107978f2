import { intactLength } from '../../consent/audit-log.ts';
import type { ResourceStore, StoredResource } from '../storage/store.ts';
import { ACCESS_LOG } from './layout.ts';

/** Where repairs of a pod's access log are recorded for its owner (owner-only, like all of consent/). */
export const LOG_REPAIRS = 'consent/access-log-repairs';
/** At most this much of a removed tail is copied into the repair note (its length is always given). */
const NOTE_LIMIT = 64 * 1024;

class Changed extends Error {}

/**
 * Cuts an access log back to its last whole entry when a crash or a full disk left it with
 * an unfinished last line, so that the pod's consent keeps working instead of failing on
 * every load. The cut is recorded for the owner in the pod, one JSON line per repair with the
 * bytes removed, in `consent/access-log-repairs` (or, if even that cannot be written, in the
 * server log). Returns the intact log. A disk that refuses the cut (read-only) throws, and the
 * next request tries again.
 */
export async function repairAccessLog(store: ResourceStore, podPath: string, logFile: StoredResource, log: (message: string) => void): Promise<Buffer> {
  for (let attempt = 0; ; attempt++) {
    const intact = intactLength(logFile.body);
    if (intact === logFile.body.length) return logFile.body;
    const removed = logFile.body.subarray(intact);
    const note = {
      time: new Date().toISOString(),
      repair: 'access log cut back to its last whole entry',
      keptBytes: intact,
      removedBytes: removed.length,
      removed: removed.subarray(0, NOTE_LIMIT).toString('utf8'),
    };
    const line = `${JSON.stringify(note)}\n`;
    // The note first: a crash between the two repeats the repair, and the note, on the next load.
    await store.append(podPath + LOG_REPAIRS, Buffer.from(line), 'application/jsonl')
      .catch((error) => log(`could not record the repair of ${podPath}${ACCESS_LOG} (${(error as Error).message}): ${line.trim()}`));
    try {
      // Only the log as read is cut: a repair racing another load must not cut what was appended since.
      await store.truncate(podPath + ACCESS_LOG, intact, (current) => { if (current?.etag !== logFile.etag) throw new Changed(); });
      log(`repaired ${podPath}${ACCESS_LOG}: removed an unfinished tail of ${removed.length} bytes`);
      return logFile.body.subarray(0, intact);
    } catch (error) {
      if (!(error instanceof Changed) || attempt >= 2) throw error;
      const again = await store.read(podPath + ACCESS_LOG);
      if (!again) return Buffer.alloc(0);
      logFile = again;
    }
  }
}
