import { resolve } from 'node:path';

export type StorageKind = 'file' | 'memory';

export interface PodServerConfig {
  port: number;
  /** The public URL of the server, ending in '/'. Resource URLs are built from it. */
  baseUrl: string;
  storage: StorageKind;
  dataDir: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** fsync files before they replace the old ones (file storage). */
  durableWrites: boolean;
}

const DEFAULT_MAX_BODY = 25 * 1024 * 1024;

/** Reads the configuration from the environment, refusing values that make no sense. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PodServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const storage = (env.STORAGE ?? 'file') as StorageKind;
  if (storage !== 'file' && storage !== 'memory') throw new Error(`STORAGE must be 'file' or 'memory', got ${env.STORAGE}`);
  const maxBodyBytes = Number(env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new Error(`MAX_BODY_BYTES must be a positive integer, got ${env.MAX_BODY_BYTES}`);
  return {
    port,
    baseUrl: normalizeBaseUrl(env.BASE_URL ?? `http://localhost:${port}/`),
    storage,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    maxBodyBytes,
    durableWrites: env.DURABLE_WRITES !== 'false',
  };
}

export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`BASE_URL must be an absolute URL, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`BASE_URL must be http or https, got ${value}`);
  if (url.search || url.hash) throw new Error('BASE_URL must not have a query or fragment');
  return url.href.endsWith('/') ? url.href : url.href + '/';
}
