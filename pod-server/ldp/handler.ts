import type { NextFunction, Request, Response } from 'express';
import type { CredentialsExtractor } from '../../service-kit/solid-oidc/credentials.ts';
import { consentApi } from '../consent/api.ts';
import { postToInbox } from '../consent/inbox.ts';
import { apiAction, isInboxPath } from '../consent/layout.ts';
import { MethodNotAllowed } from '../../service-kit/errors.ts';
import { applyCors } from '../../service-kit/http/cors.ts';
import { allowWork } from '../http/work-budget.ts';
import type { LdpContext, LdpRequest } from './context.ts';
import { remove } from './delete.ts';
import { allowedMethods } from './headers.ts';
import { patch } from './patch.ts';
import { resourcePathFromUrl, urlForPath } from './paths.ts';
import { options, read } from './read.ts';
import { post, put } from './write.ts';

/**
 * The request path through the pod server, kept short on purpose:
 * parse target -> credentials -> (per method) required modes -> WAC -> store -> response.
 */
export function ldpHandler(context: LdpContext, credentials: CredentialsExtractor) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      if (applyCors(req, res)) return;
      if (context.workBudgetMs !== undefined) allowWork(req, context.workBudgetMs);
      const path = resourcePathFromUrl(req.originalUrl);
      const url = urlForPath(context.baseUrl, path);
      const who = await credentials.extract({ method: req.method, url, headers: req.headers });
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      const request: LdpRequest = { raw: req, path, url, credentials: who, origin };
      if (context.consent) {
        const action = apiAction(path);
        if (action) return await consentApi(context, request, res, action);
        if (req.method === 'POST' && isInboxPath(path)) return await postToInbox(context, request, res);
      }
      switch (req.method) {
        case 'GET': return await read(context, request, res, true);
        case 'HEAD': return await read(context, request, res, false);
        case 'OPTIONS': return await options(context, request, res);
        case 'PUT': return await put(context, request, res);
        case 'POST': return await post(context, request, res);
        case 'PATCH': return await patch(context, request, res);
        case 'DELETE': return await remove(context, request, res);
        default: throw new MethodNotAllowed(`${req.method} is not supported`, allowedMethods(path).join(', '));
      }
    } catch (error) {
      next(error);
    }
  };
}
