import { describe, expect, it } from 'vitest';
import { instantText } from '../../src/drafts/deadline-text';
import { DRAFT_BANNER, DRAFT_STATUS, DraftInputError } from '../../src/drafts/draft-marking';
import type { DraftNarrative } from '../../src/drafts/draft-input-files';
import { gdprNotificationDraft, type GdprNotificationInput } from '../../src/drafts/gdpr-notification';
import { renderGdprNotification } from '../../src/drafts/gdpr-notification-text';
import type { GdprRisk, IncidentFactsInput } from '../../src/obligations';
import { obligationOf, organisation, parsedFacts, valuesNotFrom } from './notice-scenario';

/** 120 people in Germany; awareness at 10:00 CET on 28 March 2026, so Art. 33 is due 2026-03-31T09:00:00Z. */
const berlinFacts: Partial<IncidentFactsInput> = {
  discoveredAt: '2026-03-27T15:00:00+01:00',
  determinedAt: '2026-03-28T10:00:00+01:00',
  timeZone: 'Europe/Berlin',
  affected: [{ jurisdiction: 'DE', count: 120 }],
  dataElements: ['name', 'email', 'medical'],
};

const dpo = { name: 'Data Protection Office', email: 'dpo@trinity.example' };

const gdprNarrative: DraftNarrative = {
  whatHappened: 'An intruder read a mailbox holding appointment messages.',
  measuresTaken: ['Locked the mailbox and reset its credentials'],
  stepsForIndividuals: [],
  gdpr: {
    dataSubjectCategories: ['patients'],
    approximateRecords: 480,
    likelyConsequences: 'Disclosure of appointment details to an unknown party.',
  },
};

/** The template's own references, which a draft may state though no input holds them. */
const TEMPLATE_REFERENCES = 'Art. 33(1), 33(3)(a)-(d), 33(4), Art. 9, Art. 37, Art. 55, 72 hours';

function input(overrides: Partial<GdprNotificationInput> = {}, gdprRisk: GdprRisk = 'risk'): GdprNotificationInput {
  const facts = parsedFacts(berlinFacts);
  const obligation = obligationOf(facts, 'GDPR/DE/supervisory-authority', { gdprRisk });

  return {
    facts,
    obligation,
    organisation: { ...organisation, dataProtectionOfficer: dpo },
    narrative: gdprNarrative,
    gdprRisk,
    preparedAt: '2026-03-29T08:00:00Z',
    ...overrides,
  };
}

function render(overrides: Partial<GdprNotificationInput> = {}, gdprRisk?: GdprRisk) {
  const draft = gdprNotificationDraft(input(overrides, gdprRisk));

  return { draft, text: renderGdprNotification(draft) };
}

describe('the GDPR Art. 33 notification', () => {
  it('is marked as a draft awaiting legal approval and addressed to the authority of the member state', () => {
    const { draft, text } = render();

    expect(draft.status).toBe(DRAFT_STATUS);
    expect(text.startsWith(`${DRAFT_BANNER}\n`)).toBe(true);
    expect(text).toContain('To: Supervisory authority of Germany (DE)\n');
    expect(text).toContain('   Citation: GDPR Art. 33\n');
  });

  it('carries every Art. 33(3) element by its label', () => {
    const { text } = render();

    // (a) the nature of the breach, with categories and approximate numbers of data subjects and records.
    expect(text).toContain(`   Description: ${gdprNarrative.whatHappened}\n`);
    expect(text).toContain('   Categories of data subjects: patients\n');
    expect(text).toContain('   Approximate number of data subjects in Germany: approximately 120\n');
    expect(text).toContain('   Categories of personal data: names; email addresses; medical information\n');
    expect(text).toContain('   Special categories of personal data (Art. 9): medical information\n');
    expect(text).toContain('   Approximate number of personal data records: approximately 480\n');
    // (b) the DPO; (c) the likely consequences; (d) the measures taken or proposed.
    expect(text).toContain('   Data protection officer: Data Protection Office, dpo@trinity.example\n');
    expect(text).toContain(`   Likely consequences: ${gdprNarrative.gdpr?.likelyConsequences ?? ''}\n`);
    expect(text).toContain(
      "   Controller's risk assessment: likely to result in a risk to the rights and freedoms of natural persons, not a high risk\n",
    );
    expect(text).toContain(
      '   Measures, including those to mitigate possible adverse effects:\n      - Locked the mailbox and reset its credentials\n',
    );
  });

  it('states the awareness and due instants 72 real hours apart across the spring-forward change', () => {
    const { draft, text } = render();

    expect(draft.dueAt).toBe('2026-03-31T09:00:00.000Z');
    expect(text).toContain('   Became aware: 2026-03-28 10:00 GMT+1 (2026-03-28T09:00:00Z)\n');
    expect(text).toContain('   Due (72 hours after awareness): 2026-03-31 11:00 GMT+2 (2026-03-31T09:00:00Z)\n');
  });

  it('states no number, date or contact that is not in its inputs', () => {
    const given = input();
    const { text } = render();
    const shownInstants = [given.facts.determinedAt, '2026-03-31T09:00:00Z', given.preparedAt].map((instant) =>
      instantText(instant, given.facts.timeZone),
    );

    const sources = [given.facts, given.obligation, given.organisation, gdprNarrative, TEMPLATE_REFERENCES];
    expect(valuesNotFrom(text, [...sources, ...shownInstants])).toEqual([]);
  });

  it('needs no reasons for delay when prepared within the 72 hours, and says by when to send', () => {
    const { draft, text } = render({ preparedAt: '2026-03-31T09:00:00Z' });

    expect(draft.late).toBe(false);
    expect(text).not.toContain('Reasons for the delay');
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^Send by 2026-03-31 11:00 GMT\+2/));
  });

  it('says reasons for the delay are required when prepared after the 72 hours', () => {
    const { draft, text } = render({ preparedAt: '2026-04-02T08:00:00+02:00' });

    expect(draft.late).toBe(true);
    expect(text).toContain(
      '   LATE: prepared after the 72 hours ended. Art. 33(1): a notification made after 72 hours must give the reasons for the delay.\n',
    );
    expect(text).toContain('5. Reasons for the delay (Art. 33(1))\n');
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^Reasons for the delay \(Art\. 33\(1\)\): required/));
  });

  it('names the high risk the assessment found', () => {
    const { text } = render({}, 'high');

    expect(text).toContain(
      "   Controller's risk assessment: likely to result in a high risk to the rights and freedoms of natural persons\n",
    );
  });

  it('gives the organisation contact as the contact point, and asks about a DPO, when none is named', () => {
    const { draft, text } = render({ organisation });

    expect(text).toContain(
      '   Contact point: Privacy Office, Privacy Officer, privacy@trinity.example, 214-555-0142\n',
    );
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^DPO \(Art\. 33\(3\)\(b\)\): none named/));
  });

  it('leaves what the facts cannot say to legal, element by element', () => {
    const { draft } = render({ narrative: { ...gdprNarrative, gdpr: {} } });

    expect(draft.openItems).toContainEqual(
      expect.stringMatching(/^Categories of data subjects \(Art\. 33\(3\)\(a\)\)/),
    );
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^Approximate number of personal data records/));
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^Likely consequences \(Art\. 33\(3\)\(c\)\)/));
    expect(draft.openItems.at(-1)).toMatch(/^Phases \(Art\. 33\(4\)\)/);
  });

  it('refuses a breach the assessment found unlikely to result in a risk', () => {
    expect(() => gdprNotificationDraft({ ...input(), gdprRisk: 'unlikely' })).toThrow(DraftInputError);
  });

  it('refuses an obligation that is not an Art. 33 notice', () => {
    const high = input({}, 'high');
    const obligation = obligationOf(high.facts, 'GDPR/DE/data-subjects', { gdprRisk: 'high' });

    expect(() => gdprNotificationDraft({ ...high, obligation })).toThrow(DraftInputError);
  });
});
