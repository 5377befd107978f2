/**
 * One error hierarchy for the whole pod server: every failure that reaches a client is an
 * HttpError with a fixed status and a stable machine-readable code, converted in one place
 * (http/error-handler.ts).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequest extends HttpError {
  constructor(message: string, code = 'bad_request') { super(400, code, message); }
}
export class Unauthorized extends HttpError {
  constructor(message: string, headers: Record<string, string> = {}) {
    super(401, 'unauthenticated', message, headers);
  }
}
export class Forbidden extends HttpError {
  constructor(message: string) { super(403, 'forbidden', message); }
}
export class NotFound extends HttpError {
  constructor(message = 'No resource at this URL') { super(404, 'not_found', message); }
}
export class MethodNotAllowed extends HttpError {
  constructor(message: string, allow: string) { super(405, 'method_not_allowed', message, { Allow: allow }); }
}
export class NotAcceptable extends HttpError {
  constructor(message: string) { super(406, 'not_acceptable', message); }
}
export class Conflict extends HttpError {
  constructor(message: string, code = 'conflict') { super(409, code, message); }
}
export class PreconditionFailed extends HttpError {
  constructor(message: string) { super(412, 'precondition_failed', message); }
}
export class PayloadTooLarge extends HttpError {
  // The rest of the body is not read, so the connection cannot carry another request.
  constructor(limit: number) { super(413, 'payload_too_large', `Request body exceeds the limit of ${limit} bytes`, { Connection: 'close' }); }
}
export class UnsupportedMediaType extends HttpError {
  constructor(message: string) { super(415, 'unsupported_media_type', message); }
}
export class TooManyRequests extends HttpError {
  constructor(message: string, retryAfterSeconds: number, code = 'rate_limited') {
    super(429, code, message, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}
/** The disk is full: nothing was stored; the client may retry once space is freed. */
export class InsufficientStorage extends HttpError {
  constructor(message = 'The server has no room to store this; nothing was changed') { super(507, 'insufficient_storage', message); }
}
/** Storage refuses writes for now (read-only): nothing was stored. */
export class ServiceUnavailable extends HttpError {
  constructor(message: string, retryAfterSeconds = 60) { super(503, 'unavailable', message, { 'Retry-After': String(retryAfterSeconds) }); }
}
