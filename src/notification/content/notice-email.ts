import type { MailMessage } from '../../messaging/mailer';
import type { NoticeFacts } from '../notice-facts';
import type { Language } from '../vocabulary';
import { composeNotice, type NoticeRecipient } from './compose-notice';
import { renderEmail } from './render-email';

/**
 * The email notice as a message for the mailer. The recipient goes in as a
 * name/address object, never a built "Name <address>" string, so nodemailer
 * encodes a name in any script (RFC 2047) and no name can inject an address.
 */
export function noticeEmail(
  facts: NoticeFacts,
  recipient: NoticeRecipient & { address: string },
  language: Language,
  messageId: string,
): MailMessage {
  const content = renderEmail(composeNotice(facts, recipient, language));

  return {
    to: [{ name: recipient.name, address: recipient.address }],
    subject: content.subject,
    text: content.text,
    html: content.html,
    messageId,
  };
}
