import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger';
import type { Undeliverable } from './fake-behaviour';
import type { FakeMessage } from './message-resource';
import { API_VERSION, type MessageStatus } from './openapi-excerpt';
import { twilioSignature } from './signature';

/**
 * Twilio's status callbacks for the messages the fake accepted: each status
 * change is POSTed, form-encoded and signed, to the message's StatusCallback
 * URL, one after the other per message. Like Twilio's by default, a callback
 * that fails is not retried; the record says what happened to it.
 */

export interface CallbackRecord {
  url: string;
  params: Readonly<Record<string, string>>;
  signature: string;
  /** The HTTP status the receiver answered, or undefined when it could not be reached. */
  answered?: number;
}

export interface StatusCallbackOptions {
  authToken: string;
  /** Between two status changes of a message. */
  stepDelayMs: number;
  logger?: Logger;
}

/** The statuses a message goes through after it was accepted. */
export function statusPlan(failure: Undeliverable | undefined): MessageStatus[] {
  if (!failure) return ['queued', 'sent', 'delivered'];
  return failure.status === 'failed' ? ['queued', 'failed'] : ['queued', 'sent', 'undelivered'];
}

/** The parameters Twilio posts with a message status callback. */
export function callbackParams(message: FakeMessage): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: message.accountSid,
    ApiVersion: API_VERSION,
    MessageSid: message.sid,
    MessageStatus: message.status,
    SmsSid: message.sid,
    SmsStatus: message.status,
    To: message.to,
  };
  if (message.from) params.From = message.from;
  if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
  if (message.errorCode !== null) params.ErrorCode = String(message.errorCode);

  return params;
}

export class StatusCallbacks {
  readonly records: CallbackRecord[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly options: StatusCallbackOptions) {}

  /** Moves the message through its plan in the background, calling back after each step when it has a URL. */
  schedule(message: FakeMessage, failure: Undeliverable | undefined): void {
    const run = this.advance(message, failure);
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves once every scheduled status change has been made and called back. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Drops the status changes still to come, as a Twilio that went away would never send them. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.settled();
  }

  private async advance(message: FakeMessage, failure: Undeliverable | undefined): Promise<void> {
    const { signal } = this.stopping;
    for (const status of statusPlan(failure)) {
      const stopped = await sleep(this.options.stepDelayMs, false, { signal }).catch(() => true);
      if (stopped) return;
      setStatus(message, status, failure);
      if (message.statusCallback) await this.post(message.statusCallback, callbackParams(message));
    }
  }

  private async post(url: string, params: Record<string, string>): Promise<void> {
    const signature = twilioSignature(this.options.authToken, url, params);
    const record: CallbackRecord = { url, params, signature };
    this.records.push(record);
    try {
      const response = await fetch(url, {
        method: 'POST',
        signal: this.stopping.signal,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'TwilioProxy/1.1',
          'x-twilio-signature': signature,
        },
        body: new URLSearchParams(params).toString(),
      });
      record.answered = response.status;
      await response.body?.cancel();
    } catch (error) {
      this.options.logger?.warn(
        { err: error instanceof Error ? error.name : 'unknown' },
        'Status callback not delivered',
      );
    }
  }
}

function setStatus(message: FakeMessage, status: MessageStatus, failure: Undeliverable | undefined): void {
  const now = new Date();
  message.status = status;
  message.dateUpdated = now;
  if (status === 'sent') message.dateSent = now;
  if (status === 'undelivered' || status === 'failed') message.errorCode = failure?.errorCode ?? null;
}
