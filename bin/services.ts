// The connectors `npm start` runs beside the pod server, each as a process of its own (its own
// origin, its own event loop; it reaches the pod server only over HTTP, as a third party would).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Connector { name: string; child: ChildProcess; stop(): Promise<void> }

/**
 * Starts a connector's entry (bin/start-<name>.ts under tsx, dist/start-<name>.mjs from the bundle).
 * Its output goes to ours; a connector that dies is reported, and the pod server keeps serving.
 */
export function startConnector(name: string, env: NodeJS.ProcessEnv): Connector {
  const underTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  const entry = underTsx ? `bin/start-${name}.ts` : `dist/start-${name}.mjs`;
  const child = spawn(process.execPath, [...(underTsx ? ['--import', 'tsx'] : ['--enable-source-maps']), entry], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${name} stopped (${signal ?? `exit code ${code}`})`);
    resolve();
  }));
  return {
    name, child,
    stop: () => { if (child.exitCode === null) child.kill('SIGTERM'); return exited; },
  };
}
