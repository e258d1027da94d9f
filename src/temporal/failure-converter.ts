import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Moves failure messages and stack traces into an encoded payload, where the
 * encryption codec reaches them. Loaded by path (DataConverter's
 * failureConverterPath) because the workflow sandbox needs its own copy, so
 * this module must stay free of Node built-ins.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
