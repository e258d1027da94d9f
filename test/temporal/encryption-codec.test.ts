import { randomBytes } from 'node:crypto';
import {
  ApplicationFailure,
  defaultPayloadConverter,
  METADATA_ENCODING_KEY,
  type Payload,
  ValueError,
} from '@temporalio/common';
import { encodeErrorToFailure, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { createDataConverter } from '../../src/temporal/data-converter';
import { ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA } from '../../src/temporal/encryption-codec';
import { SYNTHETIC_PATIENT_NAME } from '../support/alerts';
import { randomKeyring } from '../support/temporal';

const record = { patientName: SYNTHETIC_PATIENT_NAME, mrn: 'MRN-553120', visits: [1, 2, 3] };

function toPayload(value: unknown): Payload {
  return defaultPayloadConverter.toPayload(value);
}

function fromPayload(payload: Payload | undefined): unknown {
  if (!payload) throw new Error('expected a payload');
  return defaultPayloadConverter.fromPayload(payload);
}

async function encodeOne(codec: EncryptionCodec, payload: Payload): Promise<Payload> {
  const [encoded] = await codec.encode([payload]);
  if (!encoded) throw new Error('the codec returned no payload');
  return encoded;
}

function metadataText(payload: Payload, key: string): string | undefined {
  const bytes = payload.metadata?.[key];
  return bytes ? Buffer.from(bytes).toString('utf8') : undefined;
}

/**
 * Calls decode the way the SDK does, inside an async function, so a failure
 * surfaces as a rejection whether the codec throws or rejects.
 */
async function decodeAll(codec: EncryptionCodec, payloads: Payload[]): Promise<Payload[]> {
  return codec.decode(payloads);
}

/** Everything a payload puts on the wire, as Temporal's history would store it. */
function wireBytes(payload: Payload): Buffer {
  return Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish());
}

describe('EncryptionCodec', () => {
  it('decodes what it encoded back to the same value', async () => {
    const codec = new EncryptionCodec(randomKeyring());

    const encoded = await codec.encode([toPayload(record), toPayload('plain text'), toPayload(null)]);
    const decoded = await codec.decode(encoded);

    expect(decoded.map(fromPayload)).toEqual([record, 'plain text', null]);
  });

  it('marks encoded payloads as encrypted and names the key that sealed them', async () => {
    const codec = new EncryptionCodec(randomKeyring('key-2026'));

    const encoded = await encodeOne(codec, toPayload(record));

    expect(metadataText(encoded, METADATA_ENCODING_KEY)).toBe(ENCRYPTED_ENCODING);
    expect(metadataText(encoded, KEY_ID_METADATA)).toBe('key-2026');
  });

  it('leaves no trace of the plaintext or its original encoding in the encoded payload', async () => {
    const codec = new EncryptionCodec(randomKeyring());

    const bytes = wireBytes(await encodeOne(codec, toPayload(record)));

    expect(bytes.includes(SYNTHETIC_PATIENT_NAME)).toBe(false);
    expect(bytes.includes('MRN-553120')).toBe(false);
    expect(bytes.includes('json/plain')).toBe(false);
  });

  it('gives two encodings of the same value different bytes, because each has a fresh IV', async () => {
    const codec = new EncryptionCodec(randomKeyring());

    const first = await encodeOne(codec, toPayload(record));
    const second = await encodeOne(codec, toPayload(record));

    expect(Buffer.from(first.data ?? []).equals(Buffer.from(second.data ?? []))).toBe(false);
  });

  it('after a key rotation still decodes payloads sealed with the old key', async () => {
    const oldKey = randomBytes(32);
    const oldCodec = new EncryptionCodec({ keys: new Map([['old', oldKey]]), currentKeyId: 'old' });
    const rotated = new EncryptionCodec({
      keys: new Map([
        ['old', oldKey],
        ['new', randomBytes(32)],
      ]),
      currentKeyId: 'new',
    });

    const sealedByOld = await encodeOne(oldCodec, toPayload(record));
    const sealedByNew = await encodeOne(rotated, toPayload(record));
    const [decoded] = await rotated.decode([sealedByOld]);

    expect(fromPayload(decoded)).toEqual(record);
    expect(metadataText(sealedByNew, KEY_ID_METADATA)).toBe('new');
  });

  it('refuses to decode a payload whose key is not in the keyring, naming the key id', async () => {
    const writer = new EncryptionCodec(randomKeyring('retired-key'));
    const reader = new EncryptionCodec(randomKeyring('other-key'));
    const encoded = await encodeOne(writer, toPayload(record));

    const failure = decodeAll(reader, [encoded]);

    await expect(failure).rejects.toBeInstanceOf(ValueError);
    await expect(failure).rejects.toThrow('"retired-key"');
  });

  it('reports a payload it cannot decode as a rejected promise, not a throw', async () => {
    const encoded = await encodeOne(new EncryptionCodec(randomKeyring('gone')), toPayload(record));
    const reader = new EncryptionCodec(randomKeyring('other'));

    let result: Promise<Payload[]> | undefined;
    expect(() => {
      result = reader.decode([encoded]);
    }).not.toThrow();
    await expect(result).rejects.toThrow(ValueError);
  });

  it('refuses to decode a ciphertext with a flipped byte', async () => {
    const codec = new EncryptionCodec(randomKeyring());
    const encoded = await encodeOne(codec, toPayload(record));
    const tampered = Buffer.from(encoded.data ?? []);
    tampered[20] = (tampered[20] ?? 0) ^ 0x01;

    await expect(decodeAll(codec, [{ ...encoded, data: tampered }])).rejects.toThrow(/authenticate/);
  });

  it('refuses to decode a payload too short to hold an IV and a tag', async () => {
    const codec = new EncryptionCodec(randomKeyring());
    const encoded = await encodeOne(codec, toPayload(record));

    const truncated = { ...encoded, data: Buffer.from(encoded.data ?? []).subarray(0, 10) };

    await expect(decodeAll(codec, [truncated])).rejects.toThrow(ValueError);
  });

  it('passes payloads that were never encrypted through decode unchanged', async () => {
    const codec = new EncryptionCodec(randomKeyring());
    const plain = toPayload({ incidentId: 'inc-1' });

    const [decoded] = await codec.decode([plain]);

    expect(decoded).toBe(plain);
  });

  it('cannot be built with a current key id missing from its keyring', () => {
    const keyring = { keys: new Map([['a', randomBytes(32)]]), currentKeyId: 'b' };

    expect(() => new EncryptionCodec(keyring)).toThrow(ValueError);
  });
});

describe('createDataConverter', () => {
  it('encrypts failure messages, so PHI in an ApplicationFailure never reaches history in clear', async () => {
    const converter = loadDataConverter(createDataConverter(randomKeyring()));
    const error = ApplicationFailure.create({
      message: `could not notify ${SYNTHETIC_PATIENT_NAME}`,
      type: 'NotificationFailed',
      nonRetryable: true,
    });

    const failure = await encodeErrorToFailure(converter, error);
    const bytes = Buffer.from(temporal.api.failure.v1.Failure.encode(failure).finish());

    // The bytes catch a clear-text payload; the JSON catches the message and stack trace fields.
    expect(bytes.includes(SYNTHETIC_PATIENT_NAME)).toBe(false);
    expect(JSON.stringify(failure)).not.toContain(SYNTHETIC_PATIENT_NAME);
    expect(failure.encodedAttributes).toBeTruthy();
  });

  it('decodes an encrypted failure back to its original message for code that holds the key', async () => {
    const converter = loadDataConverter(createDataConverter(randomKeyring()));
    const message = `could not notify ${SYNTHETIC_PATIENT_NAME}`;
    const failure = await encodeErrorToFailure(
      converter,
      ApplicationFailure.create({ message, type: 'NotificationFailed' }),
    );

    const [codec] = converter.payloadCodecs;
    if (!codec || !failure.encodedAttributes) throw new Error('expected an encoded failure and a codec');

    const [attributes] = await codec.decode([failure.encodedAttributes]);

    expect(fromPayload(attributes)).toMatchObject({ message });
  });
});
