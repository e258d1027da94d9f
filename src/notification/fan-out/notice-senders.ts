import { createHash } from 'node:crypto';
import type { Mailer } from '../../messaging/mailer';
import type { SmsSender } from '../../messaging/sms';
import { composeNotice, type NoticeRecipient } from '../content/compose-notice';
import { noticeEmail } from '../content/notice-email';
import { letterLines, renderLetterPdf } from '../content/render-letter';
import { renderSms } from '../content/render-sms';
import { type PlannedDelivery, RecipientRole } from '../channel-plan';
import type { NoticeFacts } from '../notice-facts';
import type { Individual, PostalAddress } from '../population/individual';
import { Channels } from '../vocabulary';
import type { LetterFolder } from './letter-folder';

/**
 * Sends one planned notice by its channel and returns the provider's id for
 * it: the email's Message-ID, the SMS provider's message id, the letter's
 * file name. Every id a provider sees is derived from (incident,
 * individual, channel), so a repeated send is recognisable as the same
 * notice: the Message-ID is the same, the SMS carries the same idempotency
 * key, the letter overwrites the same file.
 */

export interface NoticeSendRequest {
  incidentId: string;
  notice: NoticeFacts;
  individual: Individual;
  delivery: PlannedDelivery;
}

export type SendNotice = (request: NoticeSendRequest) => Promise<string>;

export interface NoticeSenderDependencies {
  mailer: Mailer;
  sms: SmsSender;
  letters: LetterFolder;
  /** The domain of Message-IDs: the sender address's. */
  messageIdDomain: string;
}

/** Thrown when a delivery was planned for a contact the individual does not have: a bug, never retried away. */
export class MissingContactError extends Error {
  constructor(readonly channel: string) {
    super(`A ${channel} notice was planned for an individual without that contact detail`);
    this.name = 'MissingContactError';
  }
}

export function deliveryKey(incidentId: string, individualId: string, channel: string): string {
  return `${incidentId}/${individualId}/${channel}`;
}

export function noticeMessageId(incidentId: string, individualId: string, domain: string): string {
  const digest = createHash('sha256')
    .update(deliveryKey(incidentId, individualId, Channels.email))
    .digest('hex');
  return `<notice-${digest.slice(0, 40)}@${domain}>`;
}

/** The letter's addressee and address, for the PDF and for the manifest alike. */
export function letterAddressee(individual: Individual, delivery: PlannedDelivery) {
  const nextOfKin = delivery.to === RecipientRole.nextOfKin ? individual.nextOfKin : undefined;
  const address: PostalAddress | undefined = nextOfKin ? nextOfKin.address : individual.address;
  if (!address) throw new MissingContactError(Channels.mail);
  const recipient: NoticeRecipient = nextOfKin
    ? { name: nextOfKin.name, onBehalfOf: individual.name }
    : { name: individual.name };

  return { recipient, address };
}

export function createNoticeSender(deps: NoticeSenderDependencies): SendNotice {
  const email = async ({ incidentId, notice, individual }: NoticeSendRequest) => {
    if (!individual.email) throw new MissingContactError(Channels.email);
    const messageId = noticeMessageId(incidentId, individual.id, deps.messageIdDomain);
    const recipient = { name: individual.name, address: individual.email };
    const sent = await deps.mailer.send(noticeEmail(notice, recipient, individual.language, messageId));
    return sent.messageId;
  };

  const sms = async ({ incidentId, notice, individual }: NoticeSendRequest) => {
    if (!individual.mobile) throw new MissingContactError(Channels.sms);
    const body = renderSms(notice, individual.language);
    const idempotencyKey = deliveryKey(incidentId, individual.id, Channels.sms);
    return (await deps.sms.send({ to: individual.mobile, body, idempotencyKey })).id;
  };

  const mail = async ({ incidentId, notice, individual, delivery }: NoticeSendRequest) => {
    const { recipient, address } = letterAddressee(individual, delivery);
    const document = composeNotice(notice, recipient, individual.language);
    const pdf = await renderLetterPdf(letterLines(document, recipient.name, address));
    return deps.letters.writeLetter(incidentId, individual.id, pdf);
  };

  const byChannel = { [Channels.email]: email, [Channels.sms]: sms, [Channels.mail]: mail };

  return (request) => byChannel[request.delivery.channel](request);
}
