/**
 * How long a start takes until the server says "listening on": through `npm start` (what a
 * person types) and the server process alone (`node bin/launch.mjs`, what npm execs). Each is
 * started RUNS times on one data directory that an earlier start already initialised, and
 * stopped with SIGTERM; the median is reported. Goals: npm start < 600 ms, the process < 300 ms.
 *
 *   npx tsx bench/start-time.ts            (RUNS=9 by default)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 9);

/** Milliseconds from spawn to the "listening on" line; the process is then stopped. */
function timeToListening(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let elapsed: number | undefined;
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (elapsed === undefined && /^listening on /m.test(output)) {
        elapsed = performance.now() - started;
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
  console.log(`first start on an empty data directory (and a rebuild if sources changed): ${first.toFixed(0)} ms`);
  const cases: [string, string, string[]][] = [
    ['npm start', 'npm', ['start']],
    ['server process (node bin/launch.mjs)', process.execPath, ['bin/launch.mjs']],
  ];
  for (const [name, command, args] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeToListening(command, args, env));
    console.log(`${name}: median ${median(times).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
