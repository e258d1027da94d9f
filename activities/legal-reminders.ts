import { ApplicationFailure } from '@temporalio/activity';
import type { LegalContact, LegalSettings } from '../src/config/schema';
import type { Logger } from '../src/logging/logger';
import type { Mailer } from '../src/messaging/mailer';
import type { SmsSender } from '../src/messaging/sms';
import { isLateReminder, type ReminderKind, type ReminderPolicy } from '../src/obligations/tracking';

/**
 * Deadline reminders to legal, by email and SMS. A reminder names the
 * incident, the notice owed, its legal basis and due date, never patient
 * data: mail and SMS leave our control. Each (incident, obligation, reminder)
 * has one Message-ID and one SMS idempotency key per contact, so a retried
 * send is recognisable as the same message.
 */

export interface LegalRemindersDependencies {
  mailer: Mailer;
  sms: SmsSender;
  logger: Logger;
  /** The worker passes `config.legal`; without it reminders fail and retry until it is configured. */
  legal?: LegalSettings;
}

export interface LegalReminderRequest {
  incidentId: string;
  tenantId: string;
  obligationId: string;
  recipientName: string;
  citation: string;
  kind: ReminderKind;
  reminderKey: string;
  /** Days to the due day: positive before, 0 on it, negative once overdue. */
  daysRemaining: number;
  dueDate?: string;
  dueAt?: string;
  /** 0 reaches the first contact; each level adds the next one. */
  escalationLevel: number;
  /** When the reminder was due to go out; later than that when it catches up after downtime. */
  scheduledAt: string;
  late: boolean;
}

export interface LegalReminderReceipt {
  messageId: string;
  emails: number;
  texts: number;
}

/** Closed failure types of these activities, for retry policies and callers. */
export const LegalReminderFailure = { contactsMissing: 'LegalContactsMissing' } as const;

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '.');
}

export function reminderMessageId(request: Pick<LegalReminderRequest, 'incidentId' | 'obligationId' | 'reminderKey'>) {
  return `<reminder.${slug(request.incidentId)}.${slug(request.obligationId)}.${slug(request.reminderKey)}@breachline>`;
}

function when(request: LegalReminderRequest): string {
  const due = request.dueDate ?? request.dueAt ?? 'an unbounded date';
  if (request.daysRemaining > 0) return `due ${due} (in ${request.daysRemaining} days)`;
  if (request.daysRemaining === 0) return `due today, ${due}`;

  return `OVERDUE by ${-request.daysRemaining} days (was due ${due})`;
}

function composeReminder(request: LegalReminderRequest): { subject: string; text: string; sms: string } {
  const subject = `[breachline] Notice to ${request.recipientName} ${when(request)}: incident ${request.incidentId}`;
  const text = [
    `Incident ${request.incidentId} (tenant ${request.tenantId}) owes a notice that is not recorded as given.`,
    `Obligation: ${request.obligationId}`,
    `Recipient: ${request.recipientName}`,
    `Legal basis: ${request.citation}`,
    `Deadline: ${when(request)}`,
    ...(request.late || isLateReminder(request.scheduledAt, Date.now())
      ? [`This reminder was due at ${request.scheduledAt} and is sent late.`]
      : []),
    ...(request.escalationLevel > 0
      ? [`Escalated to level ${request.escalationLevel + 1} because it is overdue.`]
      : []),
    '',
    'Once the notice is given, record it as met (date, method, reference number) on the incident.',
  ].join('\n');
  const sms = `breachline: ${request.obligationId} for incident ${request.incidentId} ${when(request)}.`;

  return { subject, text, sms };
}

/** Contacts in escalation order; a level beyond them reaches them all. */
function contactsFor(level: number, contacts: readonly LegalContact[]): readonly LegalContact[] {
  return contacts.slice(0, Math.min(level + 1, contacts.length));
}

export function createLegalReminderActivities(deps: LegalRemindersDependencies) {
  return {
    legalReminderPolicy(): Promise<ReminderPolicy> {
      const legal = deps.legal;

      return Promise.resolve({
        daysBefore: legal?.reminderDaysBefore ?? [30, 14, 7, 3, 1],
        hour: legal?.reminderHour ?? 9,
      });
    },

    async sendLegalReminder(request: LegalReminderRequest): Promise<LegalReminderReceipt> {
      const contacts = contactsFor(request.escalationLevel, deps.legal?.contacts ?? []);
      if (contacts.length === 0) {
        deps.logger.error(
          { incidentId: request.incidentId },
          'No legal contacts are configured; a deadline reminder cannot go out',
        );
        throw ApplicationFailure.retryable(
          'No legal contacts are configured (legal.contacts)',
          LegalReminderFailure.contactsMissing,
        );
      }

      const { subject, text, sms } = composeReminder(request);
      const messageId = reminderMessageId(request);
      const to = contacts.map((contact) => ({ name: contact.name, address: contact.email }));
      const sent = await deps.mailer.send({ to, subject, text, messageId });
      let texts = 0;
      for (const [index, contact] of contacts.entries()) {
        if (contact.sms === undefined) continue;
        const idempotencyKey = `legal-reminder:${request.incidentId}:${request.obligationId}:${request.reminderKey}:${index}`;
        await deps.sms.send({ to: contact.sms, body: sms, idempotencyKey });
        texts += 1;
      }

      deps.logger.info(
        {
          incidentId: request.incidentId,
          obligationId: request.obligationId,
          reminderKey: request.reminderKey,
          emails: sent.accepted,
          texts,
        },
        'Sent a deadline reminder to legal',
      );
      return { messageId, emails: sent.accepted, texts };
    },
  };
}

export type LegalReminderActivities = ReturnType<typeof createLegalReminderActivities>;
