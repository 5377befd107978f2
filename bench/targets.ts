import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test-support/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Target {
  name: string;
  baseUrl: string;
  /** Milliseconds from spawning the process to the first successful GET of the root. */
  startMs: number;
  /** Resident memory after start-up, once the process has sat idle for a second. */
  idleRssMb: number;
  stop(): Promise<void>;
}

/** A writable /bench/ container on this project's server: an administrator's ACL file, placed before start. */
export async function startOurs(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-ours-'));
  await mkdir(join(dataDir, 'bench'));
  await writeFile(join(dataDir, 'bench', '.acl'), `@prefix acl: <http://www.w3.org/ns/auth/acl#>. @prefix foaf: <http://xmlns.com/foaf/0.1/>.
<#public> a acl:Authorization; acl:agentClass foaf:Agent; acl:accessTo <./>; acl:default <./>; acl:mode acl:Read, acl:Write.`);
  const port = await freePort();
  return launch('jobtech-mydata', port, 'node', [join(ROOT, 'dist/start.mjs')], { PORT: String(port), DATA_DIR: dataDir, STORAGE: 'file' });
}

/** The Community Solid Server, file storage, root open to everyone (its file-root config). */
export async function startCommunitySolidServer(serverJs: string): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-css-'));
  const port = await freePort();
  return launch('Community Solid Server', port, 'node', [serverJs, '-p', String(port), '-c', '@css:config/file-root.json', '-f', dataDir, '-l', 'warn', '-b', `http://localhost:${port}/`], {});
}

async function launch(name: string, port: number, command: string, args: string[], env: Record<string, string>): Promise<Target> {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://localhost:${port}/`;
  await waitUntilUp(baseUrl, child);
  const startMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleRssMb = await rssMb(child.pid!);
  return {
    name, baseUrl, startMs, idleRssMb,
    stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not come up`);
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}
