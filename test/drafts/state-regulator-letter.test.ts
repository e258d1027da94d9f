import { describe, expect, it } from 'vitest';
import { DRAFT_BANNER, DRAFT_STATUS, DraftInputError } from '../../src/drafts/draft-marking';
import { NOT_GIVEN } from '../../src/drafts/draft-text';
import { stateRegulatorLetterDraft } from '../../src/drafts/state-regulator-letter';
import { renderStateRegulatorLetter } from '../../src/drafts/state-regulator-letter-text';
import { narrative, obligationOf, obligationsFor, organisation, parsedFacts, valuesNotFrom } from './notice-scenario';

function texasLetter(withNarrative = true) {
  const facts = parsedFacts();
  const obligation = obligationOf(facts, 'US-TX/attorney-general');
  const draft = stateRegulatorLetterDraft({ facts, obligation, organisation, ...(withNarrative ? { narrative } : {}) });

  return { facts, obligation, draft, text: renderStateRegulatorLetter(draft) };
}

describe('the state regulator letter', () => {
  it('is owed to the Texas Attorney General for 600 Texans and addressed to them under the obligation citation', () => {
    const { draft, text } = texasLetter();

    expect(draft.obligationId).toBe('US-TX/attorney-general');
    expect(draft.recipientName).toBe('Attorney General');
    expect(draft.stateName).toBe('Texas');
    expect(text).toContain('To: Attorney General, Texas\n');
    expect(text).toContain(
      'Re: Notice of a data breach affecting Texas residents, under Tex. Bus. & Com. Code § 521.053\n',
    );
    expect(text).toContain('   Citation: Tex. Bus. & Com. Code § 521.053\n');
  });

  it('is marked as a draft awaiting legal approval', () => {
    const { draft, text } = texasLetter();

    expect(draft.status).toBe(DRAFT_STATUS);
    expect(text.startsWith(`${DRAFT_BANNER}\n`)).toBe(true);
  });

  it('states every element by its label: residents, total, dates, data kinds, description, steps and contact', () => {
    const { text } = texasLetter();

    expect(text).toContain('   Texas residents affected: 600\n');
    expect(text).toContain('   Individuals affected in total: 600\n');
    expect(text).toContain('   Date of the breach: from 2026-02-20 to 2026-02-27\n');
    expect(text).toContain('   Date discovered: 2026-03-02\n');
    expect(text).toContain('   Date the breach was determined: 2026-03-06\n');
    expect(text).toContain('   Kinds of personal information involved: names; dates of birth; medical information\n');
    expect(text).toContain(`   Description of the breach: ${narrative.whatHappened}\n`);
    expect(text).toContain('   Steps taken:\n      - Reset the password and ended every open session\n');
    expect(text).toContain('   Contact: Privacy Office, Privacy Officer, privacy@trinity.example, 214-555-0142\n');
    expect(text).toContain('From: Trinity Health Clinic, 4100 Elm Street, Suite 7, Dallas, TX 75226\n');
  });

  it('gives the due date for legal: 30 days after the determination under SB 768', () => {
    // Determined 2026-03-06 + 30: Mar 6 + 25 = Mar 31, + 5 = Apr 5.
    expect(texasLetter().draft.due).toBe('2026-04-05 (end of day, America/Chicago)');
  });

  it('states no number, date or contact that is not in its inputs', () => {
    const { facts, obligation, text } = texasLetter();

    expect(valuesNotFrom(text, [facts, obligation, organisation, narrative])).toEqual([]);
  });

  it('quotes what the rules data say of the notice as an open item instead of inventing a statute list', () => {
    const { openItems } = texasLetter().draft;

    expect(openItems).toContain(
      `Content under Tex. Bus. & Com. Code § 521.053: check the letter against the statute; the rules data describe this notice as "On the AG's electronic form."`,
    );
    expect(openItems).toContainEqual(expect.stringMatching(/^Where and how to send: /));
    expect(openItems.at(-1)).toMatch(/^Signature: /);
  });

  it('leaves the description and steps open when the organisation has not written them', () => {
    const { draft, text } = texasLetter(false);

    expect(text).toContain(`   Description of the breach: ${NOT_GIVEN}\n`);
    expect(text).toContain(`   Steps taken: ${NOT_GIVEN}\n`);
    expect(draft.openItems).toContain('Description of the breach: not given (what happened and how).');
    expect(draft.openItems).toContain('Steps taken: not given (investigation, mitigation, prevention).');
  });

  it("counts only the addressed state's residents, with the breach total beside them", () => {
    const facts = parsedFacts({
      affected: [
        { jurisdiction: 'US-TX', count: 600 },
        { jurisdiction: 'US-OK', count: 40 },
      ],
    });
    const obligation = obligationOf(facts, 'US-TX/attorney-general');
    const draft = stateRegulatorLetterDraft({ facts, obligation, organisation });

    expect(draft.residentsAffected).toBe(600);
    expect(draft.totalAffected).toBe(640);
  });

  it('asks legal for the breach end when the facts give none', () => {
    const facts = parsedFacts({ breach: { startedAt: '2026-02-20T08:00:00-06:00' } });
    const draft = stateRegulatorLetterDraft({
      facts,
      obligation: obligationOf(facts, 'US-TX/attorney-general'),
      organisation,
    });

    expect(renderStateRegulatorLetter(draft)).toContain(
      '   Date of the breach: from 2026-02-20 (ongoing, or its end is not yet known)\n',
    );
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^Breach end date: /));
  });

  it("leaves Louisiana's list of residents' names to legal rather than writing any", () => {
    // Louisiana's statute counts Social Security numbers, not medical information.
    const facts = parsedFacts({ affected: [{ jurisdiction: 'US-LA', count: 30 }], dataElements: ['name', 'ssn'] });
    const obligation = obligationOf(facts, 'US-LA/attorney-general');
    const draft = stateRegulatorLetterDraft({ facts, obligation, organisation });

    expect(draft.openItems).toContainEqual(expect.stringContaining('Must list the names of the Louisiana residents'));
    expect(valuesNotFrom(renderStateRegulatorLetter(draft), [facts, obligation, organisation])).toEqual([]);
  });

  it('refuses an obligation that is not a notice to a state regulator', () => {
    const facts = parsedFacts();
    const obligation = obligationOf(facts, 'US-TX/individuals');

    expect(() => stateRegulatorLetterDraft({ facts, obligation, organisation })).toThrow(DraftInputError);
  });

  it('is written once for each regulator New York names', () => {
    const facts = parsedFacts({ affected: [{ jurisdiction: 'US-NY', count: 40 }] });
    const regulators = obligationsFor(facts).filter(
      (obligation) => obligation.recipient === 'attorney-general' || obligation.recipient === 'regulator',
    );
    const recipients = regulators.map(
      (obligation) => stateRegulatorLetterDraft({ facts, obligation, organisation }).recipientName,
    );

    expect(recipients.sort()).toEqual([
      'Attorney General',
      'Attorney General',
      'Department of State',
      'Division of State Police',
    ]);
  });
});
