import { BadRequest } from '../../service-kit/errors.ts';

/** Names that would shadow the server's own routes or mislead people. */
const RESERVED = new Set([
  'account', 'accounts', 'admin', 'api', 'app', 'apps', 'auth', 'consent', 'idp', 'inbox', 'login', 'logout', 'taxonomy', 'vocab',
  'oidc', 'pod', 'pods', 'profile', 'public', 'register', 'root', 'server', 'signup', 'static', 'system', 'well-known', 'www',
]);

/** Lowercase letters, digits and inner hyphens, 2 to 40 characters; a pod name is a URL path segment. */
export function validatePodName(name: unknown): string {
  if (typeof name !== 'string') throw new BadRequest('name is required: lowercase letters, digits and hyphens', 'invalid_pod_name');
  if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/.test(name) || name.includes('--')) {
    throw new BadRequest('name must be 2-40 lowercase letters, digits or single hyphens, starting and ending with a letter or digit', 'invalid_pod_name');
  }
  if (RESERVED.has(name)) throw new BadRequest(`"${name}" is reserved; choose another name`, 'reserved_pod_name');
  return name;
}

export function validateEmail(email: unknown): string {
  if (typeof email !== 'string' || email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
    throw new BadRequest('email must be an email address', 'invalid_email');
  }
  return email.trim();
}

export function validatePassword(password: unknown): string {
  if (typeof password !== 'string' || password.length < 8) throw new BadRequest('password must be at least 8 characters', 'weak_password');
  if (password.length > 1024) throw new BadRequest('password is too long', 'invalid_password');
  return password;
}
