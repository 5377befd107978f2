import type { IncomingMessage } from 'node:http';
import { HttpError, ServiceUnavailable } from '../errors.ts';

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
  exhausted(): HttpError { return this.fail(`more than ${budgetMs} ms of work`); }
}

const CHECK_EVERY = 1024;

/** A request asked for more work than one request may take (422): its own input is at fault. */
export class TooComplex extends HttpError {
  constructor(message: string, code = 'too_complex') { super(422, code, message); }
}

let budgetMs = 3000;
/** WORK_BUDGET_MS: set once at start-up. */
export function setWorkBudgetMs(ms: number): void { budgetMs = ms; }

/** One deadline per request, counted from the first time any stage asks for it. */
const deadlines = new WeakMap<object, number>();
function deadlineOf(request: IncomingMessage | undefined): number {
  if (!request) return performance.now() + budgetMs;
  let deadline = deadlines.get(request);
  if (deadline === undefined) deadlines.set(request, (deadline = performance.now() + budgetMs));
  return deadline;
}

/** Work on what the client sent (a body to parse, a patch to match): exceeding it is the client's 422. */
export function inputBudget(request: IncomingMessage | undefined, what: string, maxSteps = Infinity, code = 'too_complex'): WorkBudget {
  return new WorkBudget(deadlineOf(request), (reason) => new TooComplex(`${what} needs ${reason}, more than one request may use`, code), maxSteps);
}

/** Work the server chose to do (converting a stored document for a GET): exceeding it is a 503. */
export function conversionBudget(request: IncomingMessage | undefined, what: string): WorkBudget {
  return new WorkBudget(deadlineOf(request), (reason) => new ServiceUnavailable(`${what} needs ${reason}; ask for text/turtle instead`, 1));
}

/** For callers without a request (tests, tools): a fresh deadline, no step limit. */
export const unlimitedInput = (what: string): WorkBudget => inputBudget(undefined, what);
