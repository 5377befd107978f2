// Reading a source's body, bounded: a timeout and a size cap for URLs, a size cap for files, and an
// error that says what went wrong and where, never a hang or an unbounded buffer.
import { open, stat } from 'node:fs/promises';

export class SourceError extends Error {
  constructor(message: string) { super(message); this.name = 'SourceError'; }
}

export interface ReadOptions {
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Sent as Accept; the answer's content type is checked against expectType when given. */
  accept?: string;
  expectType?: RegExp;
  /** Validator from the last read (ETag or file size+time): an unchanged body comes back as notModified. */
  validator?: string;
}

export interface Body { text: string; notModified: boolean; validator?: string }

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export const isUrl = (location: string): boolean => /^https?:\/\//i.test(location);

export async function readBody(location: string, opts: ReadOptions = {}): Promise<Body> {
  return isUrl(location) ? fetchBody(location, opts) : readFileBody(location, opts);
}

async function fetchBody(url: string, opts: ReadOptions): Promise<Body> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: opts.accept ?? '*/*' };
  if (opts.validator) headers['if-none-match'] = opts.validator;
  try {
    const res = await fetch(url, { headers, signal, redirect: 'follow' });
    if (res.status === 304) { await res.body?.cancel(); return { text: '', notModified: true, validator: opts.validator }; }
    if (!res.ok) { await res.body?.cancel(); throw new SourceError(`${url} answered ${res.status} ${res.statusText}`); }
    const type = res.headers.get('content-type') ?? '';
    if (opts.expectType && type && !opts.expectType.test(type)) {
      await res.body?.cancel();
      throw new SourceError(`${url} sent ${type.split(';')[0]}, not what was expected (${opts.expectType.source})`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (declared > maxBytes) { await res.body?.cancel(); throw new SourceError(`${url} sent ${declared} bytes; at most ${maxBytes} are read`); }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new SourceError(`${url} sent more than ${maxBytes} bytes; at most ${maxBytes} are read`);
      chunks.push(chunk);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), notModified: false, validator: res.headers.get('etag') ?? undefined };
  } catch (e) {
    if (e instanceof SourceError) throw e;
    if (timeout.aborted) throw new SourceError(`${url} did not answer within ${timeoutMs} ms`);
    if (opts.signal?.aborted) throw new SourceError(`reading ${url} was stopped`);
    throw new SourceError(`${url} could not be read: ${(e as Error).message}${(e as { cause?: Error }).cause ? ` (${(e as { cause: Error }).cause.message})` : ''}`);
  }
}

async function readFileBody(path: string, opts: ReadOptions): Promise<Body> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new SourceError(`${path} is not a file`);
    if (s.size > maxBytes) throw new SourceError(`${path} has ${s.size} bytes; at most ${maxBytes} are read`);
    const validator = `${s.size}:${s.mtimeMs}`;
    if (opts.validator === validator) return { text: '', notModified: true, validator };
    const handle = await open(path, 'r');
    try {
      // Read at most maxBytes + 1, so that a file that grew after stat is still refused.
      const buffer = Buffer.alloc(Math.min(maxBytes + 1, s.size + 1));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > maxBytes) throw new SourceError(`${path} has more than ${maxBytes} bytes; at most ${maxBytes} are read`);
      return { text: buffer.subarray(0, bytesRead).toString('utf8'), notModified: false, validator };
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(`${path} could not be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** JSON from a body, or an error that names the source and says it is not JSON. */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SourceError(`${where} did not send JSON: ${(e as Error).message.slice(0, 200)}`);
  }
}
