import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKeyring } from '../../temporal/encryption-codec';

/**
 * Seals an individual's contact details for storage: AES-256-GCM under the
 * configured keyring's current key, stored as `iv || ciphertext || tag` with
 * the key id beside it, so rows written before a rotation still open. The
 * population id and individual id are bound in as associated data, so a
 * sealed blob copied onto another row fails to open instead of misdirecting
 * a notice.
 */

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
const TAG_BYTES = 16;

export interface SealedContact {
  keyId: string;
  sealed: Buffer;
}

/** Thrown when a stored contact cannot be opened: unknown key, or tampered or moved ciphertext. */
export class ContactDecryptionError extends Error {
  constructor(readonly keyId: string) {
    super(`A stored contact record could not be decrypted with key "${keyId}"`);
    this.name = 'ContactDecryptionError';
  }
}

export interface ContactCipher {
  seal(value: unknown, associatedData: string): SealedContact;
  open(contact: SealedContact, associatedData: string): unknown;
}

export function createContactCipher(keyring: EncryptionKeyring): ContactCipher {
  const currentKey = keyring.keys.get(keyring.currentKeyId);
  if (!currentKey) throw new ContactDecryptionError(keyring.currentKeyId);

  return {
    seal(value, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(CIPHER, currentKey, iv).setAAD(Buffer.from(associatedData));
      const plaintext = Buffer.from(JSON.stringify(value));
      const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return { keyId: keyring.currentKeyId, sealed };
    },
    open({ keyId, sealed }, associatedData) {
      const key = keyring.keys.get(keyId);
      if (!key || sealed.length < IV_BYTES + TAG_BYTES) throw new ContactDecryptionError(keyId);
      try {
        const decipher = createDecipheriv(CIPHER, key, sealed.subarray(0, IV_BYTES)).setAAD(
          Buffer.from(associatedData),
        );
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
        return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as unknown;
      } catch {
        throw new ContactDecryptionError(keyId);
      }
    },
  };
}
