import type { JobSearchAd } from '../../../vocab/index.ts';
import type { AdRecord } from '../store/types.ts';

/** An ad as the API shows it: the stored JobSearch JSON with the time it last changed. */
export function published(record: AdRecord): JobSearchAd {
  return { ...record.ad, id: record.id, timestamp: record.updatedAt };
}
