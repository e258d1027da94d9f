import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../../src/messaging/mailer';
import { type SmtpSink, startSmtpSink } from '../../src/messaging/smtp-sink';
import { noticeEmail } from '../../src/notification/content/notice-email';
import { decodeMimeWords, readHeaders } from './support/mime-words';
import { sampleNoticeFacts } from './support/sample-notice';

let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink(mkdtempSync(join(tmpdir(), 'notice-sink-')));
  mailer = createSmtpMailer(sink.url, 'privacy@st-elsewhere.test');
});

afterAll(async () => {
  mailer.close();
  await sink.close();
});

function receivedMessages(): string[] {
  return readdirSync(sink.outboxDir)
    .filter((file) => file.endsWith('.eml'))
    .map((file) => readFileSync(join(sink.outboxDir, file), 'utf8'));
}

const recipients = [
  { name: '山田 花子', entity: '聖エルスウェア病院' },
  { name: 'Ёлкина Мария', entity: 'Больница Св. Элсвер' },
  { name: 'فاطمة الزهراء', entity: 'مستشفى سانت إلسوير' },
  { name: 'O\'Brien, "Pat" <pat@evil.test>', entity: 'St. Elsewhere, Inc.' },
];

describe('the email notice over SMTP', () => {
  it('keeps subjects and recipient names in non-Latin scripts intact through the SMTP sink', async () => {
    for (const [index, recipient] of recipients.entries()) {
      const facts = sampleNoticeFacts({ entityName: recipient.entity });
      const address = `patient${index}@example.test`;
      await mailer.send(noticeEmail(facts, { name: recipient.name, address }, 'en', `<n-${index}@breachline.test>`));
    }

    const byMessageId = new Map(receivedMessages().map((eml) => [readHeaders(eml).get('message-id'), eml]));
    for (const [index, recipient] of recipients.entries()) {
      const eml = byMessageId.get(`<n-${index}@breachline.test>`) ?? '';
      const headers = readHeaders(eml);
      expect(decodeMimeWords(headers.get('subject') ?? '')).toBe(`Notice of a data breach at ${recipient.entity}`);
      expect(decodeMimeWords(headers.get('to') ?? '')).toContain(recipient.name.replace(/"/g, '\\"'));
      expect(headers.get('to')).toMatch(new RegExp(`<patient${index}@example\\.test>$`));
      expect(eml).toContain('multipart/alternative');
    }
  });

  it('never lets a name that looks like an address add a recipient', () => {
    const message = noticeEmail(
      sampleNoticeFacts(),
      { name: 'x <evil@evil.test>', address: 'p@example.test' },
      'en',
      '<m@t>',
    );
    expect(message.to).toEqual([{ name: 'x <evil@evil.test>', address: 'p@example.test' }]);
  });
});
