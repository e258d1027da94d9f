import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import type { EncryptionKeyring } from '../../src/temporal/encryption-codec';

/**
 * Recorded incident histories, replayed against the current workflow code
 * by replay.test.ts so a change that would break running incidents fails
 * the suite instead of a production worker. obligations-before-small-breach-log.json
 * was recorded from trackObligations as of commit 2c7e28d, before the annual
 * log: it fails to replay without the 'small-breach-log' patch, which is how
 * it shows the patch is needed. Their payloads are encrypted
 * with this fixed key, which protects nothing: the histories hold only
 * test data.
 */

export const HISTORIES_DIR = join(__dirname, '..', 'fixtures', 'histories');

export function replayKeyring(): EncryptionKeyring {
  const key = createHash('sha256').update('breachline replay fixtures').digest();
  return { keys: new Map([['replay-1', key]]), currentKeyId: 'replay-1' };
}

const { History } = temporal.api.history.v1;

/**
 * Histories as protobuf's own JSON form (enums by name, bytes in base64).
 * The SDK's historyToJSON would do, but it mixes two protobufjs copies in
 * this install and fails.
 */
export function historyAsJson(history: temporal.api.history.v1.IHistory): string {
  const object = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
  return `${JSON.stringify(object, null, 1)}\n`;
}

export function historyFromJson(text: string): temporal.api.history.v1.History {
  return History.fromObject(JSON.parse(text) as Record<string, unknown>);
}
