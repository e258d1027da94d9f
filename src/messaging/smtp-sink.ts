import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server that accepts every message and writes it, unchanged,
 * as an `.eml` file in an outbox folder. It stands in for a mail relay on one
 * machine: mail really goes over SMTP, and a person can open what was sent.
 * It listens on loopback only and offers neither TLS nor authentication.
 */

export interface SmtpSink {
  url: string;
  outboxDir: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export async function startSmtpSink(outboxDir: string, port = 0): Promise<SmtpSink> {
  const outbox = resolve(outboxDir);
  mkdirSync(outbox, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      // Written under a temporary name and renamed when whole, so whoever
      // lists the outbox never reads a message that is still arriving.
      const file = join(outbox, `${Date.now()}-${randomUUID()}.eml`);
      const partial = `${file}.part`;
      pipeline(stream, createWriteStream(partial))
        .then(() => rename(partial, file))
        .then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error('could not write the message')),
        );
    },
  });

  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => listening());
  });
  const { port: boundPort } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${boundPort}`,
    outboxDir: outbox,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
