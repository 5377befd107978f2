/**
 * How long a start takes until the server says "listening on": through `npm start` (what a
 * person types) and the server process alone (`node bin/launch.mjs`, what npm execs). Each is
 * started RUNS times on one data directory that an earlier start already initialised, and
 * stopped with SIGTERM; the median is reported. Goals: npm start < 600 ms, the process < 300 ms.
 * Also reported: the CPU time the server process used until then, which a busy machine does not inflate.
 *
 *   npx tsx bench/start-time.ts            (RUNS=9 by default)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 9);

/**
 * CPU time (user + system, ms) a process has used so far, from Linux's /proc; undefined elsewhere.
 * On a busy machine wall-clock time mostly measures the neighbours; this does not.
 */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

interface Run { wallMs: number; cpuMs?: number }

/** Wall-clock ms from spawn to the "listening on" line, and the CPU the process used by then; it is then stopped. */
function timeToListening(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let elapsed: Run | undefined;
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (elapsed === undefined && /^listening on /m.test(output)) {
        elapsed = { wallMs: performance.now() - started, cpuMs: cpuMs(child.pid!) };
        child.kill('SIGTERM');
      }
    });
    child.once('exit', () => (elapsed === undefined ? reject(new Error(`no "listening on":\n${output}`)) : resolve(elapsed)));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const dataDir = await mkdtemp(join(tmpdir(), 'bench-start-'));
try {
  const env = { PORT: '0', DATA_DIR: dataDir };
  // The first start builds the bundle if a source changed and creates the data directory's keys.
  const first = await timeToListening(process.execPath, ['bin/launch.mjs'], env);
  console.log(`first start on an empty data directory (and a rebuild if sources changed): ${first.wallMs.toFixed(0)} ms`);
  const cases: [string, string, string[]][] = [
    ['npm start', 'npm', ['start']],
    ['server process (node bin/launch.mjs)', process.execPath, ['bin/launch.mjs']],
  ];
  for (const [name, command, args] of cases) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeToListening(command, args, env));
    const times = runs.map((run) => run.wallMs);
    const cpu = runs.flatMap((run) => (run.cpuMs === undefined ? [] : [run.cpuMs]));
    // npm's own CPU is not the server's: only the direct start reports the server's CPU time.
    const cpuNote = command === 'npm' || !cpu.length ? '' : `; CPU time median ${median(cpu).toFixed(0)} ms`;
    console.log(`${name}: median ${median(times).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})${cpuNote}`);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
