// The connector kit's public API: import from here.
export { createAgent } from './agent.ts';
export type { Agent, AgentOptions } from './agent.ts';
export { ConsentEnded } from './consents.ts';
export type { AccessAsk, Ended } from './consents.ts';
export type { HeldConsent, EndReason } from './consent-book.ts';
export { ProfileError, contactableUrl } from './webid-profile.ts';
export { provisionCredentials } from './provision.ts';
export type { ProvisionOptions, StoredCredentials } from './provision.ts';
export { profileTurtle } from './profile.ts';
