import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { REDACTED, redactionPaths } from './redaction';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Where JSON lines go; standard output when absent. */
  destination?: DestinationStream;
}

/** The application's JSON logger, with PHI and secrets redacted at every call site. */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    base: { service: 'breachline' },
    redact: { paths: redactionPaths(), censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
