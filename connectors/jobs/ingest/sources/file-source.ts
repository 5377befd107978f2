// A file or URL holding ads in one format (a JobSearch JSON list, the legacy format): read whole on
// every pull unless it is unchanged since the last (file size and time, or the URL's ETag).
import type { TaxonomyIndex } from '../../../../vocab/index.ts';
import type { AdFormat, SourceBatch } from '../types.ts';
import { splitBatch } from './batch.ts';
import { isUrl, parseJson, readBody } from './read-body.ts';
import type { AdSource, SourceLimits } from './source.ts';

export interface FileSourceOptions extends SourceLimits {
  location: string;
  format: AdFormat;
  taxonomy: TaxonomyIndex;
  intervalSeconds?: number;
  kind?: string;
}

export class FileSource implements AdSource {
  readonly name: string;
  readonly intervalSeconds?: number;

  constructor(private readonly opts: FileSourceOptions) {
    this.name = `${opts.kind ?? `${opts.format}-file`}:${opts.location}`;
    this.intervalSeconds = opts.intervalSeconds;
  }

  async pull(cursor?: string, signal?: AbortSignal): Promise<SourceBatch> {
    const { text, notModified, validator } = await readBody(this.opts.location, {
      ...this.opts, signal, validator: cursor, accept: 'application/json', expectType: isUrl(this.opts.location) ? /json|text\/plain/i : undefined,
    });
    if (notModified) return { ads: [], removedSourceIds: [], cursor };
    const { ads, removedSourceIds } = splitBatch(parseJson(text, this.opts.location), this.opts.format, this.opts.taxonomy);
    return { ads, removedSourceIds, cursor: validator };
  }
}
