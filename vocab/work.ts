/**
 * What long-running conversions need from their caller: a budget they charge per unit of work
 * (a triple), which throws once the caller's limit is reached. The pod server passes its
 * per-request `WorkBudget`; tools pass `NO_LIMIT`.
 */
export interface Budget {
  spend(units?: number): void;
}

export const NO_LIMIT: Budget = { spend() {} };

/** Items converted between two turns of the event loop (~10 ms of conversion work). */
export const SLICE = 16_384;

/** Resolves on a later turn of the event loop, after pending I/O, so other requests get to run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
