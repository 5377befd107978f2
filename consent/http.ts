// Small HTTP helpers shared by the two clients. They only speak HTTP through the fetch they are given.
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export class ConsentHttpError extends Error {
  override readonly name = 'ConsentHttpError';
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
    /** The response body (e.g. the SHACL report for a 400). */
    readonly body: string,
    /** Seconds, from Retry-After on a 429. */
    readonly retryAfter?: number,
  ) { super(message); }
}

export async function failure(res: Response, url: string, what: string): Promise<ConsentHttpError> {
  const body = await res.text().catch(() => '');
  const ra = res.headers.get('retry-after');
  const retryAfter = ra === null ? undefined : /^\d+$/.test(ra) ? Number(ra) : Math.max(0, Math.ceil((Date.parse(ra) - Date.now()) / 1000)) || undefined;
  const detail = body.length > 500 ? `${body.slice(0, 500)}…` : body;
  return new ConsentHttpError(`${what} failed: ${res.status} ${res.statusText}${detail ? `\n${detail}` : ''}`, res.status, url, body, retryAfter);
}

export async function postJson(f: Fetch, url: string, body: unknown, what: string, okStatus: number[] = [200, 201]): Promise<unknown> {
  const res = await f(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  if (!okStatus.includes(res.status)) throw await failure(res, url, what);
  return res.json();
}

export async function getJson(f: Fetch, url: string, what: string): Promise<unknown> {
  const res = await f(url, { headers: { accept: 'application/json' } });
  if (res.status !== 200) throw await failure(res, url, what);
  return res.json();
}

export const podBase = (podUrl: string): string => (podUrl.endsWith('/') ? podUrl : `${podUrl}/`);
