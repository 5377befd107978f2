import type { IncomingMessage } from 'node:http';
import { HttpError, ServiceUnavailable } from '../../service-kit/errors.ts';

/**
 * A request's allowance of synchronous work. Parsers, matchers and converters call `spend()`
 * per unit of work (a triple, a match step); it throws once a step limit or the request's
 * deadline is passed, so no single request holds the event loop for long. The clock is read
 * only every CHECK_EVERY steps, which keeps the hot path to an increment and a compare.
 */
export class WorkBudget {
  #steps = 0;
  #nextClockCheck = CHECK_EVERY;

  constructor(
    private readonly deadline: number,
    private readonly allowanceMs: number,
    private readonly fail: (reason: string) => HttpError,
    private readonly maxSteps = Infinity,
  ) {}

  get steps(): number { return this.#steps; }

  spend(units = 1): void {
    this.#steps += units;
    if (this.#steps > this.maxSteps) throw this.fail(`more than ${this.maxSteps} steps`);
    if (this.#steps >= this.#nextClockCheck) {
      this.#nextClockCheck = this.#steps + CHECK_EVERY;
      this.checkClock();
    }
  }

  /** For callers between big indivisible pieces of work (a whole-document parse). */
  checkClock(): void {
    if (performance.now() > this.deadline) throw this.exhausted();
  }

  /** Milliseconds left before the deadline (negative once past), for work handed to a worker. */
  remainingMs(): number { return this.deadline - performance.now(); }

  /** What running out of time is, for work done elsewhere (a worker stopped at the deadline). */
  exhausted(): HttpError { return this.fail(`more than ${this.allowanceMs} ms of work`); }
}

const CHECK_EVERY = 1024;

/** A request asked for more work than one request may take (422): its own input is at fault. */
export class TooComplex extends HttpError {
  constructor(message: string, code = 'too_complex') { super(422, code, message); }
}

/** WORK_BUDGET_MS's default: work a request may cause when its server set no other allowance. */
export const DEFAULT_ALLOWANCE_MS = 3000;

/** Each request's allowance and deadline; the deadline counts from the first time a stage asks. */
const allowances = new WeakMap<object, number>();
const deadlines = new WeakMap<object, number>();

/** The server that took the request says how much work it may cause (its WORK_BUDGET_MS). */
export function allowWork(request: IncomingMessage, ms: number): void { allowances.set(request, ms); }

function limitOf(request: IncomingMessage | undefined): { deadline: number; ms: number } {
  const ms = (request && allowances.get(request)) ?? DEFAULT_ALLOWANCE_MS;
  if (!request) return { deadline: performance.now() + ms, ms };
  let deadline = deadlines.get(request);
  if (deadline === undefined) deadlines.set(request, (deadline = performance.now() + ms));
  return { deadline, ms };
}

/** Work on what the client sent (a body to parse, a patch to match): exceeding it is the client's 422. */
export function inputBudget(request: IncomingMessage | undefined, what: string, maxSteps = Infinity, code = 'too_complex'): WorkBudget {
  const { deadline, ms } = limitOf(request);
  return new WorkBudget(deadline, ms, (reason) => new TooComplex(`${what} needs ${reason}, more than one request may use`, code), maxSteps);
}

/** Work the server chose to do (converting a stored document for a GET): exceeding it is a 503. */
export function conversionBudget(request: IncomingMessage | undefined, what: string): WorkBudget {
  const { deadline, ms } = limitOf(request);
  return new WorkBudget(deadline, ms, (reason) => new ServiceUnavailable(`${what} needs ${reason}; ask for text/turtle instead`, 1));
}

/** For callers without a request (tests, tools): a fresh deadline, no step limit. */
export const unlimitedInput = (what: string): WorkBudget => inputBudget(undefined, what);
