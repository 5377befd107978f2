import type { IncomingMessage, ServerResponse } from 'node:http';

interface Active { method: string; path: string; start: number; end?: number }

export interface StallWatchdog {
  /** Middleware: remembers which requests are in flight (a Set insert and one listener each). */
  track(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  stop(): void;
}

const TICK_MS = 50;
const KEEP_FINISHED = 64;

/**
 * Notices when something held the event loop longer than `thresholdMs` and logs one line
 * naming the requests that were being handled then, so a slow path shows up in the logs
 * before it shows up as an outage. A timer that fires late is the measurement: no hooks on
 * the hot path beyond tracking which requests are open.
 */
export function stallWatchdog(thresholdMs: number, log: (line: string) => void = (line) => console.warn(line)): StallWatchdog {
  const inFlight = new Set<Active>();
  // A request that stalled the loop has often finished by the time the timer runs late.
  let finished: Active[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const lag = now - last - TICK_MS;
    last = now;
    if (lag > thresholdMs) {
      // Whoever held the loop for `lag` ms was itself open for at least about that long.
      const culprits = [...inFlight, ...finished]
        .map((a) => ({ ...a, took: (a.end ?? now) - a.start }))
        .filter((a) => a.took >= lag / 2)
        .sort((a, b) => b.took - a.took)
        .slice(0, 3)
        .map((a) => `${a.method} ${a.path} (open ${Math.round(a.took)} ms)`);
      log(`event loop blocked for ${Math.round(lag)} ms; requests being handled: ${culprits.join(', ') || 'none (start-up or a timer)'}`);
    }
    finished = [];
  }, TICK_MS);
  timer.unref();
  return {
    track(req, res, next) {
      const active: Active = { method: req.method ?? '?', path: (req.url ?? '').split('?')[0].slice(0, 200), start: performance.now() };
      inFlight.add(active);
      res.once('close', () => {
        inFlight.delete(active);
        active.end = performance.now();
        if (finished.length < KEEP_FINISHED) finished.push(active);
      });
      next();
    },
    stop: () => clearInterval(timer),
  };
}
