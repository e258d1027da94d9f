import { isSendFailure, SendFailure, SendFailureKinds } from './send-failure';

/**
 * Any error a send threw, as a SendFailure. Providers that know their codes
 * throw SendFailure themselves; nodemailer throws its own errors, read
 * here: a 5xx reply to RCPT TO rejects the recipient for good (a bounce at
 * submission), any other reply or a dropped connection may pass (RFC 5321
 * 4.2.1: 4yz transient; a 5xx to MAIL FROM or DATA is about our account or
 * message, not the recipient, and the operator fixes it). An error of
 * unknown shape is transient, so nobody is given up on lightly.
 */

interface SmtpErrorShape {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
}

function smtpFailure(error: SmtpErrorShape): SendFailure | undefined {
  const responseCode = typeof error.responseCode === 'number' ? error.responseCode : undefined;
  if (responseCode !== undefined) {
    const recipientRejected = error.command === 'RCPT TO' && responseCode >= 500 && responseCode < 600;
    return new SendFailure({
      kind: recipientRejected ? SendFailureKinds.permanent : SendFailureKinds.transient,
      provider: 'smtp',
      providerCode: String(responseCode),
      status: responseCode,
      reason: recipientRejected ? 'the relay rejected the recipient' : 'the relay refused for now',
    });
  }
  if (typeof error.code === 'string' && /^E[A-Z0-9]{2,20}$/.test(error.code)) {
    return new SendFailure({
      kind: SendFailureKinds.transient,
      provider: 'smtp',
      providerCode: error.code,
      reason: 'the relay could not be reached or dropped the connection',
    });
  }
  return undefined;
}

export function classifySendError(error: unknown): SendFailure {
  if (isSendFailure(error)) return error;
  const smtp = typeof error === 'object' && error !== null ? smtpFailure(error) : undefined;

  return (
    smtp ??
    new SendFailure({
      kind: SendFailureKinds.transient,
      provider: 'unknown',
      reason: 'the send failed for a reason not recognised',
    })
  );
}

/** The code stored with a failed delivery: the provider and its code, never its text. */
export function failureCode(failure: SendFailure): string {
  return `${failure.provider}-${failure.providerCode ?? failure.status ?? 'error'}`;
}
