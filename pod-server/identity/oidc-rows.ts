/** oidc-provider models that must survive a restart; the rest (codes, interactions, replay ids) are short-lived and kept in memory. */
export const PERSISTENT_MODELS = new Set(['Client', 'Grant', 'Session', 'RefreshToken', 'RegistrationAccessToken']);

export interface OidcRow {
  model: string;
  id: string;
  payload: string;
  expiresAt: number | null;
  grantId: string | null;
  uid: string | null;
  userCode: string | null;
}

/** One model instance as a row; the fields oidc-provider looks things up by get columns of their own. */
export function oidcRow(model: string, id: string, payload: Record<string, unknown>, expiresAt: number | undefined): OidcRow {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { model, id, payload: JSON.stringify(payload), expiresAt: expiresAt ?? null, grantId: text(payload.grantId), uid: text(payload.uid), userCode: text(payload.userCode) };
}
