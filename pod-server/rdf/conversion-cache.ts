/**
 * Converted representations (a stored Turtle document as JSON-LD or N-Triples), kept by the
 * variant's strong ETag so that repeated GETs of a large document convert it once. Bounded in
 * bytes, least recently used out first; a write changes the ETag, so stale entries are never
 * served and simply age out. One entry may use at most a quarter of the budget.
 */
export class ConversionCache {
  readonly #entries = new Map<string, Buffer>();
  #bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  get(key: string): Buffer | undefined {
    const body = this.#entries.get(key);
    if (body) {
      this.#entries.delete(key);
      this.#entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Buffer): void {
    if (body.length > this.budgetBytes / 4 || this.#entries.has(key)) return;
    this.#entries.set(key, body);
    this.#bytes += body.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.budgetBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.length;
    }
  }

  get bytes(): number { return this.#bytes; }
}
