import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Logger } from 'pino';

/**
 * Lets the Temporal runtime log through our pino logger, so SDK and core logs
 * get the same JSON shape and the same redaction as the application's own.
 */
export class PinoTemporalLogger implements TemporalLogger {
  constructor(private readonly logger: Logger) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const fields = meta ?? {};
    switch (level) {
      case 'TRACE':
        this.logger.trace(fields, message);
        return;
      case 'DEBUG':
        this.logger.debug(fields, message);
        return;
      case 'INFO':
        this.logger.info(fields, message);
        return;
      case 'WARN':
        this.logger.warn(fields, message);
        return;
      case 'ERROR':
        this.logger.error(fields, message);
        return;
    }
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
