/** A JSON-LD document that cannot be read, with what was wrong (a light module: no JSON-LD processor). */
export class JsonLdError extends Error {
  override readonly name = 'JsonLdError';
  constructor(message: string, readonly code?: string) { super(message); }
}
