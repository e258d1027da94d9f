import { join } from 'node:path';
import type { Config } from '../../config/schema';
import { type ContactCipher, createContactCipher } from '../population/contact-cipher';
import { createLetterFolder, type LetterFolder } from './letter-folder';
import { createProviderLimiters, type ProviderLimiters } from './provider-limits';

/** What the worker builds once from its configuration and shares across every batch it runs. */
export interface NotificationServices {
  cipher: ContactCipher;
  limiters: ProviderLimiters;
  letters: LetterFolder;
  /** The domain of notice Message-IDs: the configured sender's. */
  messageIdDomain: string;
}

/**
 * What a worker's notification activities share, built once from the
 * configuration: the contact cipher (the payload keyring, so contacts and
 * payloads rotate together), one limiter per provider, the letters folder.
 */
export function createNotificationServices(config: Readonly<Config>): NotificationServices {
  const lettersDir = config.notification.lettersDir ?? join(config.dataDir, 'letters');

  return {
    cipher: createContactCipher(config.encryption),
    limiters: createProviderLimiters(config.notification.limits),
    letters: createLetterFolder(lettersDir),
    messageIdDomain: config.mail.from.split('@').at(-1) ?? 'breachline.localhost',
  };
}
