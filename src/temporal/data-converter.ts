import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec, type EncryptionKeyring } from './encryption-codec';
import { modulePath } from './module-path';

/** The one data converter every client and worker in breachline uses. */
export function createDataConverter(keyring: EncryptionKeyring): DataConverter {
  return {
    payloadCodecs: [new EncryptionCodec(keyring)],
    failureConverterPath: modulePath(__dirname, 'failure-converter'),
  };
}
