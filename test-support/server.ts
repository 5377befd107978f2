import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeBaseUrl, type PodServerConfig, type StorageKind } from '../pod-server/config.ts';
import { createPodServer, type PodServer, type PodServerParts } from '../pod-server/server.ts';

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
export async function startTestServer(options: { storage?: StorageKind; dataDir?: string; config?: Partial<PodServerConfig>; parts?: PodServerParts } = {}): Promise<TestServer> {
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pod-test-')));
  const port = await freePort();
  const config: PodServerConfig = {
    port,
    baseUrl: normalizeBaseUrl(`http://localhost:${port}/`),
    storage: options.storage ?? 'memory',
    dataDir,
    maxBodyBytes: 1024 * 1024,
    durableWrites: false,
    ...options.config,
  };
  const server = await createPodServer(config, options.parts);
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

/** An ACL document giving everyone every mode on a container and its contents. */
export function publicWritableAcl(containerUrl: string): string {
  return `@prefix acl: <http://www.w3.org/ns/auth/acl#>.
@prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#public> a acl:Authorization; acl:agentClass foaf:Agent;
  acl:accessTo <${containerUrl}>; acl:default <${containerUrl}>;
  acl:mode acl:Read, acl:Write, acl:Control.
`;
}
