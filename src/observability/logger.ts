// Structured logs (pino). LOG_LEVEL picks the level; CLI commands log to stderr so their stdout stays
// machine-readable.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { name?: string; level?: string; destination?: 1 | 2 } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  return pino({ name: options.name ?? 'postwire', level, base: { pid: process.pid } }, pino.destination({ fd: options.destination ?? 1, sync: false }));
}

/** A logger that drops everything, for tests and short-lived commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
