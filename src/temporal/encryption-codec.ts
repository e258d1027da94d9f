import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/**
 * Encrypts every Temporal payload with AES-256-GCM before it leaves the
 * process, so workflow inputs, results and (with the failure converter)
 * failure messages sit in Temporal's history as ciphertext only.
 *
 * An encrypted payload is the whole original payload, metadata included,
 * serialised and sealed as `iv || ciphertext || tag`. Its own metadata says
 * only that it is encrypted and with which key id, so a rotated-out key still
 * decrypts the histories written with it.
 */

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
const TAG_BYTES = 16;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export interface EncryptionKeyring {
  /** Every key that may still be needed to decrypt, by id. */
  keys: ReadonlyMap<string, Buffer>;
  /** The id of the key that encrypts new payloads. */
  currentKeyId: string;
}

export class EncryptionCodec implements PayloadCodec {
  private readonly currentKey: Buffer;

  constructor(private readonly keyring: EncryptionKeyring) {
    const key = keyring.keys.get(keyring.currentKeyId);
    if (!key) throw new ValueError(`Encryption key "${keyring.currentKeyId}" is not in the keyring`);
    this.currentKey = key;
  }

  // The work is synchronous; running it inside then() turns a throw into a rejected promise.
  encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.resolve().then(() => payloads.map((payload) => this.encrypt(payload)));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.resolve().then(() => payloads.map((payload) => this.decrypt(payload)));
  }

  private encrypt(payload: Payload): Payload {
    const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.currentKey, iv);
    const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);

    return {
      metadata: {
        [METADATA_ENCODING_KEY]: utf8.encode(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: utf8.encode(this.keyring.currentKeyId),
      },
      data: sealed,
    };
  }

  private decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || fromUtf8.decode(encoding) !== ENCRYPTED_ENCODING) return payload;

    const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
    const keyId = keyIdBytes ? fromUtf8.decode(keyIdBytes) : '';
    const key = this.keyring.keys.get(keyId);
    if (!key) throw new ValueError(`Payload was encrypted with key "${keyId}", which is not configured`);

    const sealed = payload.data ?? new Uint8Array();
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new ValueError('Encrypted payload is too short to be valid');
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv(CIPHER, key, iv);
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);

    return temporal.api.common.v1.Payload.decode(plaintext);
  }
}
