import { describe, expect, it } from 'vitest';
import { composeNotice, formatDate } from '../../src/notification/content/compose-notice';
import { english } from '../../src/notification/content/english';
import { escapeHtml } from '../../src/notification/content/html-escape';
import { letterLines, renderLetterPdf } from '../../src/notification/content/render-letter';
import { renderEmail } from '../../src/notification/content/render-email';
import { renderSms } from '../../src/notification/content/render-sms';
import { spanish } from '../../src/notification/content/spanish';
import { noticeFactsSchema } from '../../src/notification/notice-facts';
import { type Language, Languages } from '../../src/notification/vocabulary';
import { sampleNoticeFacts } from './support/sample-notice';

const facts = sampleNoticeFacts();
const books = { en: english, es: spanish };
const address = { lines: ['12 Elm St'], city: 'Boston', region: 'MA', postalCode: '02115', country: 'US' };

/** Each 45 CFR 164.404(c)(1) element, as the text that must appear for it in the given language. */
function requiredElements(language: Language): Record<string, string[]> {
  const book = books[language];
  return {
    'what happened (A)': [facts.whatHappened[language]],
    'breach date (A)': [formatDate('2026-03-02', language)],
    'discovery date (A)': [formatDate('2026-03-09', language)],
    'types of PHI (B)': facts.phiTypes.map((type) => book.phiLabels[type]),
    'steps to take (C)': [book.generalSteps[0] ?? '', book.stepsByPhiType.ssn ?? ''],
    'what the entity is doing (D)': [facts.entityActions[language]],
    'toll-free number (E)': [facts.contact.tollFreeNumber],
  };
}

function renderAll(language: Language): Record<string, Promise<string> | string> {
  const notice = composeNotice(facts, { name: 'Ana Pérez' }, language);
  const email = renderEmail(notice);
  const lines = letterLines(notice, 'Ana Pérez', address);
  return {
    'email text': email.text,
    'email HTML': escapeHtmlDecoded(email.html),
    SMS: renderSms(facts, language),
    letter: lines.map((line) => line.text).join('\n'),
  };
}

/** HTML text with entities decoded, so an apostrophe in the source text matches. */
function escapeHtmlDecoded(html: string): string {
  return html
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

describe('individual notice content', () => {
  for (const language of Object.values(Languages)) {
    for (const [template, rendered] of Object.entries(renderAll(language))) {
      for (const [element, texts] of Object.entries(requiredElements(language))) {
        it(`the ${language} ${template} contains the ${element}`, async () => {
          const content = await rendered;
          for (const text of texts) expect(content).toContain(text);
        });
      }
    }
  }

  it('writes dates the way each language does', () => {
    expect(formatDate('2026-03-02', 'en')).toBe('March 2, 2026');
    expect(formatDate('2026-03-02', 'es')).toBe('2 de marzo de 2026');
  });

  it('says the breach date is unknown when it is', () => {
    const text = renderEmail(composeNotice({ ...facts, breachDate: undefined }, { name: 'A' }, 'en')).text;
    expect(text).toContain('The date of the breach is not known');
  });

  it('addresses next of kin on behalf of a deceased individual', () => {
    const notice = composeNotice(facts, { name: 'Luis Pérez', onBehalfOf: 'Ana Pérez' }, 'es');
    expect(notice.greeting).toContain('representante personal de Ana Pérez');
  });

  it('escapes values placed in HTML', () => {
    const hostile = sampleNoticeFacts({ entityName: '<script>alert(1)</script> & Co' });
    const { html } = renderEmail(composeNotice(hostile, { name: '"O\'Brien" <b>' }, 'en'));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).toContain('&quot;O&#39;Brien&quot; &lt;b&gt;');
    expect(escapeHtml(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;');
  });

  it('rejects a notice without a toll-free number, naming the field', () => {
    const result = noticeFactsSchema.safeParse({
      ...facts,
      contact: { ...facts.contact, tollFreeNumber: '617-555-0100' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['contact.tollFreeNumber']);
  });

  it('renders the letter as a PDF whose text carries the toll-free number', async () => {
    const lines = letterLines(composeNotice(facts, { name: 'Ana Pérez' }, 'en'), 'Ana Pérez', address);
    const pdf = await renderLetterPdf(lines, { compress: false });

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain(facts.contact.tollFreeNumber);
  });
});

/** The text drawn by an uncompressed pdfkit PDF: its Helvetica strings are hex-encoded WinAnsi. */
function pdfText(pdf: Buffer): string {
  const hexStrings = pdf.toString('latin1').match(/<([0-9a-f]+)>/g) ?? [];
  return hexStrings.map((hex) => Buffer.from(hex.slice(1, -1), 'hex').toString('latin1')).join('');
}
