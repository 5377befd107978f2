// Consented job alerts: subscriptions made from consents, new ads matched and sent to citizens'
// inboxes, and everything of a citizen deleted when the consent ends.
import { join } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Router } from 'express';
import type { JobAd, TaxonomyIndex } from '../../../vocab/index.ts';
import type { Agent, HeldConsent } from '../../kit/index.ts';
import { announceTurtle } from './announce.ts';
import { matchAd } from './match.ts';
import { readAlertProfile } from './profile-copy.ts';
import { alertsRouter } from './routes.ts';
import { SqliteSubscriptions, type Subscription, type SubscriptionStore } from './subscriptions.ts';

/** The DPV purpose of an alerts request: recommendations made for this person. */
export const ALERTS_PURPOSE = 'https://w3id.org/dpv#ProvidePersonalisedRecommendations';

export interface AlertsOptions {
  agent: Agent;
  /** Where alerts.sqlite lives; or give `store`. Neither: in memory. */
  dataDir?: string;
  store?: SubscriptionStore;
  taxonomy: TaxonomyIndex;
  /** The public URL of an ad. */
  adUrl: (id: string) => string;
  log: { info: (o: object, msg?: string) => void; warn: (o: object, msg?: string) => void };
  /** Most alerts one citizen gets per notifyNewAds run. */
  maxPerRun?: number;
  /** How often sweep() runs by itself (0: only when called). */
  sweepEveryMs?: number;
  /** Access request terms. */
  durationDays?: number;
  retentionDays?: number;
  /** Limits on POST /alerts. */
  requestsPerAddressPerHour?: number;
  requestsPerWebIdPerHour?: number;
}

export interface Alerts {
  router: Router;
  notifyNewAds(ads: JobAd[]): Promise<{ sent: number; subscriptions: number }>;
  sweep(): Promise<{ checked: number; removed: number }>;
  close(): Promise<void>;
}

export function createAlerts(options: AlertsOptions): Alerts {
  const { agent, taxonomy, log } = options;
  const store = options.store ?? new SqliteSubscriptions(options.dataDir && join(options.dataDir, 'alerts.sqlite'));
  const maxPerRun = options.maxPerRun ?? 5;
  const isAlerts = (c: HeldConsent) => c.claims.purpose === ALERTS_PURPOSE && c.claims.sections.includes('preferences');

  async function subscribe(consent: HeldConsent): Promise<void> {
    if (!isAlerts(consent)) return;
    const [profile, inbox] = await Promise.all([readAlertProfile(agent, consent.record), agent.findInbox(consent.subject)]);
    const now = new Date().toISOString();
    const existing = store.get(consent.record);
    store.put({ record: consent.record, subject: consent.subject, inbox, profile, createdAt: existing?.createdAt ?? now, updatedAt: now });
    log.info({ record: consent.record }, 'alerts: subscribed');
  }

  function forget(record: string, reason: string): void {
    // The copy goes at once, whatever the reason: sooner than any retention the request promised.
    if (store.remove(record)) log.info({ record, reason }, 'alerts: subscription ended, copy deleted');
  }

  agent.onConsent(async (consent) => {
    try { await subscribe(consent); } catch (error) { log.warn({ record: consent.record, err: error }, 'alerts: could not read the granted sections yet (the sweep retries)'); }
  });
  agent.onEnded((ended) => { if (ended.record) forget(ended.record, ended.reason); });

  /** Whether the consent behind a subscription still holds; an ended one is forgotten here and now. */
  async function stillGiven(s: Subscription): Promise<boolean> {
    if (!agent.consent(s.record)) { forget(s.record, 'unknown'); return false; }
    let status: string;
    try { status = await agent.statusOf(s.record); } catch (error) {
      log.warn({ record: s.record, err: error }, 'alerts: status unknown; nothing sent this time');
      return false;
    }
    if (status !== 'given') { forget(s.record, status); return false; }
    return true;
  }

  async function notifyNewAds(ads: JobAd[]): Promise<{ sent: number; subscriptions: number }> {
    let sent = 0;
    const subscriptions = store.all();
    for (const [position, s] of subscriptions.entries()) {
      // Matching is CPU work: give other requests a turn every few subscriptions.
      if (position % 20 === 19) await yieldToEventLoop();
      const matching = ads.map((ad) => ({ ad, ...matchAd(ad, s.profile, taxonomy) })).filter((m) => m.match).sort((a, b) => b.score - a.score);
      if (matching.length === 0) continue;
      const unsent = new Set(store.unsent(s.record, matching.map((m) => m.ad.id)));
      const toSend = matching.filter((m) => unsent.has(m.ad.id)).slice(0, maxPerRun);
      for (const { ad } of toSend) {
        if (!(await stillGiven(s))) break;
        const body = announceTurtle({ ad, adUrl: options.adUrl(ad.id), actor: agent.webId, to: s.subject });
        const response = await agent.fetch(s.inbox, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body, signal: AbortSignal.timeout(10_000) }).catch((error: Error) => error);
        if (response instanceof Error || !response.ok) {
          log.warn({ record: s.record, status: response instanceof Error ? response.message : response.status }, 'alerts: the inbox did not take an alert');
          if (!(response instanceof Error)) await response.body?.cancel();
          break; // the rest wait for the next run (a 429 says so, and a full inbox stays full)
        }
        await response.body?.cancel();
        store.markSent(s.record, [ad.id]);
        sent++;
      }
    }
    return { sent, subscriptions: subscriptions.length };
  }

  async function sweep(): Promise<{ checked: number; removed: number }> {
    let removed = 0;
    const subscriptions = store.all();
    for (const s of subscriptions) {
      if (!agent.consent(s.record) || (await agent.statusOf(s.record, { fresh: true }).catch(() => 'given')) !== 'given') {
        forget(s.record, 'sweep');
        removed++;
        continue;
      }
      // The copy follows the citizen's changes; an ended consent shows here as well.
      try {
        store.put({ ...s, profile: await readAlertProfile(agent, s.record), updatedAt: new Date().toISOString() });
      } catch (error) {
        if ((error as Error).name === 'ConsentEnded') { forget(s.record, 'sweep'); removed++; }
        else log.warn({ record: s.record, err: error }, 'alerts: could not refresh the copy');
      }
    }
    // Consents whose sections could not be read when they arrived.
    for (const consent of agent.activeConsents()) {
      if (isAlerts(consent) && !store.get(consent.record)) await subscribe(consent).catch((error) => log.warn({ record: consent.record, err: error }, 'alerts: still cannot subscribe'));
    }
    return { checked: subscriptions.length, removed };
  }

  const timer = options.sweepEveryMs ? setInterval(() => { sweep().catch((error) => log.warn({ err: error }, 'alerts: sweep failed')); }, options.sweepEveryMs) : undefined;
  timer?.unref();

  const router = alertsRouter({
    agent, purpose: ALERTS_PURPOSE, durationDays: options.durationDays ?? 180, retentionDays: options.retentionDays ?? 7,
    perAddressPerHour: options.requestsPerAddressPerHour ?? 10, perWebIdPerHour: options.requestsPerWebIdPerHour ?? 3, log,
  });

  return {
    router, notifyNewAds, sweep,
    async close() {
      if (timer) clearInterval(timer);
      if (!options.store) store.close();
    },
  };
}
