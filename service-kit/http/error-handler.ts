import type { ErrorRequestHandler } from 'express';
import { HttpError, InsufficientStorage, ServiceUnavailable } from '../errors.ts';

/**
 * The one place errors become responses: an HttpError keeps its status, code and message;
 * a disk error becomes what it means for the client (diskError); anything else is a 500
 * whose details stay in the server log.
 */
export function errorHandler(log: (message: string) => void = console.error): ErrorRequestHandler {
  const lastLogged = new Map<string, number>();
  return (error, request, response, _next) => {
    const disk = diskError(error, request.method);
    const known = error instanceof HttpError ? error : disk ?? toHttpError(error);
    if (!known) log(`${request.method} ${request.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
    else if (disk && disk.status >= 500) {
      // The operator must hear of a full or read-only disk, but once a minute is enough.
      const code = (error as NodeJS.ErrnoException).code!;
      if (Date.now() - (lastLogged.get(code) ?? 0) > 60_000) {
        lastLogged.set(code, Date.now());
        log(`storage: ${code} on ${request.method} ${request.originalUrl}: ${(error as Error).message}`);
      }
    }
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

/**
 * What a file system error means for the client: a full disk (507) and storage that refuses
 * writes (503) are the server's state, not a bug, and nothing was stored; a name the file
 * system cannot hold is the request's fault (414). Reads that fail stay 500s.
 */
export function diskError(error: unknown, method: string): HttpError | undefined {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL': // the identity database (accounts, sessions) on the same full disk
      return new InsufficientStorage();
    case 'EROFS':
    case 'SQLITE_READONLY':
      return new ServiceUnavailable('Storage is read-only for now; nothing was changed');
    case 'EACCES':
    case 'EPERM':
      return method === 'GET' || method === 'HEAD' ? undefined : new ServiceUnavailable('Storage refuses writes for now; nothing was changed');
    case 'ENAMETOOLONG':
      return new HttpError(414, 'name_too_long', 'A name or the path is too long to be stored');
    default:
      return undefined;
  }
}

/** Errors thrown by express's own parsers carry a status we can trust. */
function toHttpError(error: unknown): HttpError | undefined {
  const e = error as { status?: number; type?: string; message?: string };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, e.type ?? 'bad_request', e.message ?? 'Bad request');
  return undefined;
}
