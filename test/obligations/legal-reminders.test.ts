import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createLegalReminderActivities, type LegalReminderRequest } from '../../activities/legal-reminders';
import type { LegalSettings } from '../../src/config/schema';
import type { Mailer, MailMessage } from '../../src/messaging/mailer';
import type { SmsMessage, SmsSender } from '../../src/messaging/sms';
import { memoryLogger } from '../support/temporal';

const contacts = [
  { name: 'Privacy officer', email: 'privacy@hospital.test', sms: '+15005550006' },
  { name: 'General counsel', email: 'counsel@hospital.test' },
  { name: 'Chief executive', email: 'ceo@hospital.test', sms: '+15005550007' },
];

function legal(list = contacts): LegalSettings {
  return { contacts: list, reminderDaysBefore: [30, 14, 7, 3, 1], reminderHour: 9 };
}

function reminder(overrides: Partial<LegalReminderRequest> = {}): LegalReminderRequest {
  return {
    incidentId: 'incident-st-elsewhere-7f3a',
    tenantId: 'st-elsewhere',
    obligationId: 'HIPAA/individuals',
    recipientName: 'Affected individuals',
    citation: '45 CFR 164.404',
    kind: 'before',
    reminderKey: 'before-7@2027-01-30',
    daysRemaining: 7,
    dueDate: '2027-01-30',
    escalationLevel: 0,
    scheduledAt: '2027-01-23T15:00:00.000Z',
    late: false,
    ...overrides,
  };
}

function fakes() {
  const mail: MailMessage[] = [];
  const texts: SmsMessage[] = [];
  const mailer: Mailer = {
    send: (message) => {
      mail.push(message);
      return Promise.resolve({ messageId: message.messageId, accepted: message.to.length });
    },
    close: () => undefined,
  };
  const sms: SmsSender = {
    send: (message) => {
      texts.push(message);
      return Promise.resolve({ id: `sms-${texts.length}` });
    },
  };
  return { mail, texts, mailer, sms };
}

describe('sendLegalReminder', () => {
  it('reaches the first contact by email and SMS, naming the notice, its basis and due date, not the patients', async () => {
    const { mail, texts, mailer, sms } = fakes();
    const activities = createLegalReminderActivities({ mailer, sms, logger: memoryLogger().logger, legal: legal() });

    const receipt = await activities.sendLegalReminder(reminder());

    expect(receipt).toEqual({ messageId: mail[0]?.messageId, emails: 1, texts: 1 });
    expect(mail[0]?.to).toEqual([{ name: 'Privacy officer', address: 'privacy@hospital.test' }]);
    expect(mail[0]?.subject).toBe(
      '[breachline] Notice to Affected individuals due 2027-01-30 (in 7 days): incident incident-st-elsewhere-7f3a',
    );
    expect(mail[0]?.text).toContain('Legal basis: 45 CFR 164.404');
    expect(texts[0]?.to).toBe('+15005550006');
  });

  it('adds one contact per escalation level once overdue, texting those with a number', async () => {
    const { mail, texts, mailer, sms } = fakes();
    const activities = createLegalReminderActivities({ mailer, sms, logger: memoryLogger().logger, legal: legal() });

    await activities.sendLegalReminder(
      reminder({ kind: 'overdue', daysRemaining: -2, escalationLevel: 2, reminderKey: 'overdue-2@2027-01-30' }),
    );

    expect(mail[0]?.to.map((to) => to.address)).toEqual([
      'privacy@hospital.test',
      'counsel@hospital.test',
      'ceo@hospital.test',
    ]);
    expect(mail[0]?.subject).toContain('OVERDUE by 2 days');
    expect(mail[0]?.text).toContain('Escalated to level 3 because it is overdue.');
    expect(texts.map((text) => text.to)).toEqual(['+15005550006', '+15005550007']);
  });

  it('keeps the same Message-ID and SMS keys when a send is retried, so a repeat is recognisable', async () => {
    const { mail, texts, mailer, sms } = fakes();
    const activities = createLegalReminderActivities({ mailer, sms, logger: memoryLogger().logger, legal: legal() });

    await activities.sendLegalReminder(reminder());
    await activities.sendLegalReminder(reminder());

    expect(mail[0]?.messageId).toBe(mail[1]?.messageId);
    expect(texts[0]?.idempotencyKey).toBe(texts[1]?.idempotencyKey);
  });

  it('says a reminder is late when it goes out more than 15 minutes after its time', async () => {
    const { mail, mailer, sms } = fakes();
    const activities = createLegalReminderActivities({ mailer, sms, logger: memoryLogger().logger, legal: legal() });

    await activities.sendLegalReminder(reminder({ scheduledAt: new Date(Date.now() - 20 * 60_000).toISOString() }));

    expect(mail[0]?.text).toMatch(/This reminder was due at .* and is sent late\./);
  });

  it('fails, to be retried, while no legal contact is configured', async () => {
    const { mailer, sms } = fakes();
    const activities = createLegalReminderActivities({ mailer, sms, logger: memoryLogger().logger, legal: legal([]) });

    const error: unknown = await activities.sendLegalReminder(reminder()).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApplicationFailure);
    expect((error as ApplicationFailure).type).toBe('LegalContactsMissing');
    expect((error as ApplicationFailure).nonRetryable).toBe(false);
  });
});
