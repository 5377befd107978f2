import type { Quad } from 'n3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { JsonLdError } from '../../vocab/jsonld-error.ts';
import type { JsonLdReadOptions } from '../../vocab/jsonld-to-quads.ts';
import { ServiceUnavailable } from '../../service-kit/errors.ts';
import { TooComplex, type WorkBudget } from '../http/work-budget.ts';
import type { JsonLdJob, JsonLdReply } from './jsonld-worker.ts';
import { decodeQuads, type EncodedQuads } from './quad-transfer.ts';

// import.meta.dirname is this module's own folder: pod-server/rdf/ under tsx, dist/ in the bundle
// (the build rewrites import.meta.url to the sources, not dirname), where the worker is an entry of its own.
const BUNDLED_WORKER = join(import.meta.dirname, 'jsonld-worker.mjs');
const WORKER_URL = pathToFileURL(existsSync(BUNDLED_WORKER) ? BUNDLED_WORKER : join(import.meta.dirname, 'jsonld-worker.ts'));

/** Workers reading JSON-LD at once; more would only take CPU from the main thread. */
export const JSONLD_WORKERS = 2;
/** Documents that may wait for a worker; beyond that, 503 with Retry-After. */
export const JSONLD_MAX_WAITING = 8;

type Options = Omit<JsonLdReadOptions, 'budget'>;
interface Slot { worker?: Worker; ready?: Promise<void>; busy: boolean }

/**
 * Expansion by the JSON-LD library cannot be interrupted (1.2 MB: ~0.3 s in one synchronous
 * piece), so large documents are read in worker threads: a small pool, started on first use
 * and reused. Each document gets what is left of its request's time budget; a worker still
 * busy at the deadline is terminated (the budget's 422) and replaced. Waiting is bounded.
 */
export class JsonLdPool {
  readonly #slots: Slot[];
  readonly #waiting: ((slot: Slot) => void)[] = [];
  #nextId = 0;
  /** Workers terminated at a deadline (for tests and logs). */
  terminated = 0;

  constructor(size = JSONLD_WORKERS, private readonly maxWaiting = JSONLD_MAX_WAITING) {
    this.#slots = Array.from({ length: size }, () => ({ busy: false }));
  }

  /** The document's triples; bad input is a JsonLdError, running out of time the budget's error. */
  async read(text: string, options: Options, budget: WorkBudget): Promise<Quad[]> {
    return decodeQuads(await this.#run({ text, options }, budget), budget);
  }

  #run(job: Omit<JsonLdJob, 'id'>, budget: WorkBudget): Promise<EncodedQuads> {
    return new Promise((resolve, reject) => {
      const start = (slot: Slot) => void this.#start(slot, { ...job, id: this.#nextId++ }, budget).then(resolve, reject);
      const free = this.#slots.find((slot) => !slot.busy);
      if (free) return start(free);
      if (this.#waiting.length >= this.maxWaiting) return reject(busy());
      // Waiting uses up the request's time too; whoever is still waiting at its deadline gets a 503.
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(wait), 1);
        reject(busy());
      }, Math.max(0, budget.remainingMs()));
      const wait = (slot: Slot) => { clearTimeout(timer); start(slot); };
      this.#waiting.push(wait);
    });
  }

  async #start(slot: Slot, job: JsonLdJob, budget: WorkBudget): Promise<EncodedQuads> {
    slot.busy = true;
    try {
      if (!slot.worker) this.#spawn(slot);
      const worker = slot.worker!;
      await slot.ready;
      return await new Promise<EncodedQuads>((resolve, reject) => {
        const done = () => { clearTimeout(timer); worker.off('message', onMessage); worker.off('exit', onExit); };
        const onMessage = (reply: JsonLdReply) => {
          if (!('id' in reply) || reply.id !== job.id) return;
          done();
          if ('error' in reply) reject(new JsonLdError(reply.error.message, reply.error.code));
          else resolve(reply.quads);
        };
        const onExit = () => { done(); reject(new TooComplex('Reading this JSON-LD document stopped its reader (it needs more memory than one request may use)')); };
        // The worker cannot be interrupted mid-expansion: it is stopped, and a fresh one serves the next document.
        const timer = setTimeout(() => {
          done();
          if (slot.worker === worker) slot.worker = undefined;
          this.terminated++;
          void worker.terminate();
          reject(budget.exhausted());
        }, Math.max(1, budget.remainingMs()));
        worker.on('message', onMessage);
        worker.on('exit', onExit);
        worker.postMessage(job);
      });
    } finally {
      slot.busy = false;
      this.#waiting.shift()?.(slot);
    }
  }

  #spawn(slot: Slot): void {
    const worker = startWorker();
    worker.unref(); // an idle reader never keeps the process alive
    slot.worker = worker;
    slot.ready = new Promise((resolve, reject) => {
      const onReady = (reply: JsonLdReply) => { if ('ready' in reply) { worker.off('message', onReady); resolve(); } };
      worker.on('message', onReady);
      worker.once('exit', (code) => reject(new Error(`the JSON-LD worker exited with ${code} before it was ready`)));
    });
    slot.ready.catch(() => {});
    // An uncaught error in the worker ends it ('exit' follows); without a listener it would end this process.
    worker.on('error', (error) => console.error('JSON-LD worker failed:', error));
    worker.once('exit', () => { if (slot.worker === worker) slot.worker = undefined; });
  }
}

function startWorker(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL);
  // Under tsx (tests, `npm run dev`) a worker does not inherit the TypeScript loader, so it registers it first.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`, { eval: true });
}

const busy = () => new ServiceUnavailable('The server is reading too many large JSON-LD documents at once; try again shortly', 2);
