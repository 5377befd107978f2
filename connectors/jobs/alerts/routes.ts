// GET/POST /alerts: the page where a citizen asks for alerts, and the notice the request points to.
import express, { type Request, type Response, type Router } from 'express';
import { ConsentHttpError } from '../../../consent/index.ts';
import { TooManyRequests } from '../../../service-kit/errors.ts';
import { rateLimit } from '../../../service-kit/http/rate-limit.ts';
import { contactableUrl, ProfileError, type Agent } from '../../kit/index.ts';
import { alertsForm, alertsSent, errorText, langOf, type Lang } from './page.ts';

export const NOTICE = {
  sv: 'Jobbevakning: vi läser dina önskemål om yrken, orter, anställningsform och arbetstid (och dina kompetenser om du väljer det) för att skicka nya jobbannonser som passar dig till din inkorg. Vi sparar en kopia så länge du har godkänt och raderar den när du tar tillbaka ditt godkännande eller när det löper ut.',
  en: 'Job alerts: we read your preferences for occupations, places, employment type and working time (and your skills if you choose) to send new job ads that suit you to your inbox. We keep a copy while your consent lasts and delete it when you withdraw or when it expires.',
};

export interface AlertsRouterOptions {
  agent: Agent;
  purpose: string;
  durationDays: number;
  retentionDays: number;
  perAddressPerHour: number;
  perWebIdPerHour: number;
  log: { warn: (o: object, msg?: string) => void };
}

export function alertsRouter(o: AlertsRouterOptions): Router {
  const byAddress = rateLimit({ points: o.perAddressPerHour, seconds: 3600, what: 'alert requests from this address', code: 'alerts_address_rate' });
  const byWebId = rateLimit({ points: o.perWebIdPerHour, seconds: 3600, what: 'alert requests for this WebID', code: 'alerts_webid_rate' });
  const router = express.Router();
  const page = (res: Response, status: number, html: string) => {
    res.status(status).set({
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin',
    }).type('text/html; charset=utf-8').send(html);
  };

  router.get('/alerts', (req, res) => page(res, 200, alertsForm(langOf(req.query.lang))));

  router.get('/alerts/notice', (req, res) => {
    res.type('text/plain; charset=utf-8').send(NOTICE[langOf(req.query.lang ?? 'en')]);
  });

  router.post('/alerts', express.urlencoded({ extended: false, limit: 4096, parameterLimit: 10 }), async (req: Request, res) => {
    const lang: Lang = langOf(req.query.lang ?? req.body?.lang);
    const webId = typeof req.body?.webId === 'string' ? req.body.webId.trim() : '';
    const skills = req.body?.skills === 'yes';
    const again = (status: number, error: string, headers: Record<string, string> = {}) => { res.set(headers); page(res, status, alertsForm(lang, { webId, skills, error })); };
    try {
      await byAddress.consume(req.ip ?? 'unknown');
      if (!webId) return again(400, errorText(lang, 'webIdMissing'));
      try { contactableUrl(webId, o.agent.webId); } catch { return again(400, errorText(lang, 'webIdInvalid')); }
      await byWebId.consume(webId);
      const requestUrl = await o.agent.requestAccess({
        citizen: webId, sections: skills ? ['preferences', 'skills'] : ['preferences'], purpose: o.purpose,
        notice: { sv: NOTICE.sv, en: NOTICE.en, url: new URL('/alerts/notice', o.agent.webId).href },
        duration: o.durationDays, retention: o.retentionDays,
      });
      page(res, 202, alertsSent(lang, new URL(requestUrl).origin));
    } catch (error) {
      if (error instanceof TooManyRequests) return again(429, errorText(lang, 'tooMany', { s: error.headers['Retry-After'] }), error.headers);
      if (error instanceof ProfileError) return again(error.code === 'invalid_webid' ? 400 : 422, errorText(lang, error.code === 'invalid_webid' ? 'webIdInvalid' : 'noInbox'));
      if (error instanceof ConsentHttpError) {
        if (error.status === 429) return again(429, errorText(lang, 'coolDown', { s: error.retryAfter ?? 60 }), { 'Retry-After': String(error.retryAfter ?? 60) });
        if (error.status === 409 || error.status === 507) return again(409, errorText(lang, 'pending'));
        o.log.warn({ status: error.status, webId }, 'alerts: the pod refused the access request');
        return again(502, errorText(lang, 'refused', { status: error.status }));
      }
      throw error;
    }
  });
  return router;
}
