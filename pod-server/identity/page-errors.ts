import { HttpError } from '../../service-kit/errors.ts';
import type { FieldErrors } from '../pages/forms.ts';
import type { Lang } from '../pages/lang.ts';
import { TEXT, waitWords } from './page-text.ts';
import { validateEmail, validatePassword, validatePodName } from './pod-names.ts';

/** A refusal the person should read on the form (bad input, a limit, a busy server), not a bare error page. */
export function isRefusal(error: unknown): error is HttpError {
  return error instanceof HttpError && (error.status < 500 || error.status === 503);
}

/**
 * A refusal from the account service or the login guard in the page's language, beside the
 * field it is about (by its stable code; the English message is only the fallback).
 */
export function fieldErrors(error: HttpError, lang: Lang, entered: { name?: string } = {}): FieldErrors {
  const e = TEXT[lang].errors;
  const wait = waitWords(Number(error.headers['Retry-After'] ?? 60), lang);
  switch (error.code) {
    case 'invalid_pod_name': return { name: e.nameFormat };
    case 'reserved_pod_name': return { name: e.nameReserved(entered.name ?? '') };
    case 'pod_exists': return { name: e.nameTaken };
    case 'invalid_email': return { email: e.emailFormat };
    case 'account_exists': return { email: e.emailTaken };
    case 'weak_password': return { password: e.passwordShort };
    case 'invalid_password': return { password: e.passwordLong };
    case 'too_many_signups': return { form: e.tooManySignups(wait) };
    case 'too_many_attempts': return { form: e.tooManyLogins(wait) };
    default: return { form: error.status === 503 ? e.busy : e.other(error.message) };
  }
}

/** Every field of the sign-up form checked at once, so the person fixes them in one go. */
export function signupFieldErrors(input: { name: string; email: string; password: string }, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const check of [() => validatePodName(input.name), () => validateEmail(input.email), () => validatePassword(input.password)]) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      Object.assign(errors, fieldErrors(error, lang, input));
    }
  }
  return errors;
}

/** A login form left half empty: said beside the field, and no login attempt is spent on it. */
export function loginFieldErrors(input: { email: string; password: string }, lang: Lang): FieldErrors {
  const e = TEXT[lang].errors;
  const errors: FieldErrors = {};
  if (!input.email.trim()) errors.email = e.emailMissing;
  if (!input.password) errors.password = e.passwordMissing;
  return errors;
}

export const hasErrors = (errors: FieldErrors): boolean => Object.values(errors).some(Boolean);
