import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * A router whose code loads on the first request that reaches it, so that what most
 * requests never touch (the vocabulary and taxonomy pages) costs nothing at start-up.
 */
export function lazyRouter(load: () => Promise<RequestHandler>): RequestHandler {
  let router: Promise<RequestHandler> | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    router ??= load();
    router.then((handler) => handler(req, res, next), (error) => { router = undefined; next(error); });
  };
}
