import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeBaseUrl, type PodServerConfig, type StorageKind } from '../pod-server/config.ts';
import { createPodServer, type PodServer, type PodServerParts } from '../pod-server/server.ts';
import { FileStore } from '../pod-server/storage/file.ts';
import { MemoryStore } from '../pod-server/storage/memory.ts';

export interface TestServer {
  server: PodServer;
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts a real pod server on a free port for a test. The port is bound first so that the
 * base URL (and every resource URL) is the one clients really use.
 */
export interface TestServerOptions {
  storage?: StorageKind;
  dataDir?: string;
  config?: Partial<PodServerConfig>;
  parts?: PodServerParts;
  /**
   * Documents an administrator places in the store before the server starts, keyed by
   * path, e.g. an ACL that makes a test container publicly writable. '{base}' in the
   * text is replaced by the server's base URL (without the trailing slash).
   */
  seed?: Record<string, string>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pod-test-')));
  const port = await freePort();
  const storage = options.storage ?? 'memory';
  const parts: PodServerParts = { ...options.parts };
  if (options.seed) {
    const store = parts.store ?? (storage === 'memory' ? new MemoryStore() : new FileStore({ dataDir, durable: false }));
    const base = `http://localhost:${port}`;
    for (const [path, text] of Object.entries(options.seed)) await store.write(path, Buffer.from(text.replaceAll('{base}', base)), 'text/turtle');
    parts.store = store;
  }
  const config: PodServerConfig = {
    port,
    baseUrl: normalizeBaseUrl(`http://localhost:${port}/`),
    storage,
    dataDir,
    maxBodyBytes: 1024 * 1024,
    durableWrites: false,
    ...options.config,
  };
  const server = await createPodServer(config, parts);
  await server.listen();
  return {
    server,
    baseUrl: config.baseUrl,
    dataDir,
    async stop() {
      await server.close();
      if (ownsDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** An ACL document giving everyone every mode on the container it sits in and its contents. */
export const PUBLIC_WRITABLE_ACL = `@prefix acl: <http://www.w3.org/ns/auth/acl#>.
@prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#public> a acl:Authorization; acl:agentClass foaf:Agent;
  acl:accessTo <./>; acl:default <./>;
  acl:mode acl:Read, acl:Write, acl:Control.
`;
