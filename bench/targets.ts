import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test-support/server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Target {
  name: string;
  baseUrl: string;
  pid: number;
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
  return launch('jobtech-mydata', port, dataDir, [join(ROOT, 'dist/start.mjs')], { PORT: String(port), DATA_DIR: dataDir, STORAGE: 'file' });
}

/**
 * The Community Solid Server with file storage. The default config, file-root, opens the root
 * to everyone and has no accounts; `@css:config/file.json` has accounts, pods and WebACL.
 */
export async function startCommunitySolidServer(serverJs: string, config = '@css:config/file-root.json'): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-css-'));
  const port = await freePort();
  return launch('Community Solid Server', port, dataDir, [serverJs, '-p', String(port), '-c', config, '-f', dataDir, '-l', 'warn', '-b', `http://localhost:${port}/`], {});
}

/** Our environment minus CSS_*: the Community Solid Server reads those as command-line options. */
function inheritedEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CSS_')));
}

async function launch(name: string, port: number, dataDir: string, args: string[], env: Record<string, string>): Promise<Target> {
  const started = performance.now();
  const child = spawn('node', args, { env: { ...inheritedEnv(), ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://localhost:${port}/`;
  await waitUntilUp(baseUrl, child);
  const startMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleRssMb = await rssMb(child.pid!);
  return {
    name, baseUrl, pid: child.pid!, startMs, idleRssMb,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
      await rm(dataDir, { recursive: true, force: true });
    },
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

/** CPU seconds (user + system) a process has used so far: what a request really costs the server. */
export async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux
