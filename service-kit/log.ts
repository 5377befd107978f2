import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One structured log per service: JSON lines on stderr (stdout carries only the "listening on"
 * line a person or a launcher reads). LOG_LEVEL sets the level; tests pass 'silent' or 'warn'.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: service, level, base: { service } }, pino.destination(2));
}
