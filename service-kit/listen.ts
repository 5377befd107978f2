import { createServer as createNetServer } from 'node:net';
import type { Server } from 'node:http';

/** A port the OS says is free now (for PORT=0, when the URL must be known before listening). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Listens, turning the two errors people meet into sentences. Resolves to the bound port. */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`port ${port} is in use`));
      else if (error.code === 'EACCES') reject(new Error(`port ${port} needs privileges this process does not have`));
      else reject(error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve((server.address() as { port: number }).port);
    });
  });
}

/** Stops once on SIGTERM/SIGINT: in-flight work finishes, then the process exits. */
export function stopOnSignals(stop: () => Promise<void>, log: (message: string) => void = console.error): void {
  const onSignal = (signal: string) => {
    stop().then(() => process.exit(0), (error) => { log(`error while stopping on ${signal}: ${(error as Error)?.stack ?? error}`); process.exit(1); });
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
