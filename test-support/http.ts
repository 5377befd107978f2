import { request as httpRequest } from 'node:http';

export interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/**
 * Sends a request with the target exactly as given: fetch() would normalise '..' and
 * encoded characters away, and hostile paths are the point of some tests.
 */
export function rawRequest(baseUrl: string, method: string, target: string, options: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path: target, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
