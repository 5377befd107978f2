import type { ErrorRequestHandler } from 'express';
import { HttpError } from '../errors.ts';

/**
 * The one place errors become responses: an HttpError keeps its status, code and message;
 * anything else is a 500 whose details stay in the server log.
 */
export function errorHandler(log: (message: string) => void = console.error): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const known = error instanceof HttpError ? error : toHttpError(error);
    if (!known) log(`${request.method} ${request.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
    const status = known?.status ?? 500;
    const code = known?.code ?? 'internal_error';
    const message = known?.message ?? 'Internal server error';
    if (response.headersSent) { response.destroy(); return; }
    for (const [name, value] of Object.entries(known?.headers ?? {})) response.setHeader(name, value);
    const wantsJson = /json/.test(request.headers.accept ?? '');
    response.status(status);
    if (wantsJson) response.type('application/json').send(JSON.stringify({ error: code, message }));
    else response.type('text/plain; charset=utf-8').send(`${message}\n`);
  };
}

/** Errors thrown by express's own parsers carry a status we can trust. */
function toHttpError(error: unknown): HttpError | undefined {
  const e = error as { status?: number; type?: string; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, e.type ?? 'bad_request', e.message ?? 'Bad request');
  return undefined;
}
