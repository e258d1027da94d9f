import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One text message; `to` is an E.164 number such as +15555550123. */
export interface SmsMessage {
  to: string;
  body: string;
  /**
   * Stable across retries of the same send (incident, recipient, purpose), so
   * a provider or outbox can recognise a repeat.
   */
  idempotencyKey: string;
}

export interface SmsReceipt {
  /** The provider's id for the message (a Twilio SID, or the outbox file name). */
  id: string;
}

/** Every SMS provider sits behind this: the outbox here, Twilio in production. */
export interface SmsSender {
  send(message: SmsMessage): Promise<SmsReceipt>;
}

const UNSAFE_FILE_CHARACTERS = /[^A-Za-z0-9._-]/g;

/**
 * Development's SMS provider: each message becomes a JSON file in the outbox
 * folder, named by its idempotency key, so a repeated send overwrites the
 * file instead of adding a second message.
 */
export function createOutboxSmsSender(outboxDir: string): SmsSender {
  mkdirSync(outboxDir, { recursive: true });

  return {
    send(message) {
      const id = `${message.idempotencyKey.replace(UNSAFE_FILE_CHARACTERS, '_')}.json`;
      const file = { to: message.to, body: message.body, idempotencyKey: message.idempotencyKey };
      writeFileSync(join(outboxDir, id), `${JSON.stringify(file, null, 2)}\n`);
      return Promise.resolve({ id });
    },
  };
}
