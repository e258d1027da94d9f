import { describe, expect, it } from 'vitest';
import { DRAFT_BANNER, DRAFT_STATUS, DraftInputError } from '../../src/drafts/draft-marking';
import { NOT_GIVEN } from '../../src/drafts/draft-text';
import { mediaNoticeDraft, NOTICE_CONTENT_CITATION } from '../../src/drafts/media-notice';
import { renderMediaNotice } from '../../src/drafts/media-notice-text';
import { narrative, obligationOf, obligationsFor, organisation, parsedFacts, valuesNotFrom } from './notice-scenario';

function texasNotice(withNarrative = true) {
  const facts = parsedFacts();
  const obligation = obligationOf(facts, 'HIPAA/media/US-TX');
  const draft = mediaNoticeDraft({ facts, obligation, organisation, ...(withNarrative ? { narrative } : {}) });

  return { facts, obligation, draft, text: renderMediaNotice(draft) };
}

describe('the HIPAA media notice', () => {
  it('is owed for Texas when 600 Texans are affected, and drafted for US-TX under 45 CFR 164.406', () => {
    const { draft, text } = texasNotice();

    expect(draft.jurisdiction).toBe('US-TX');
    expect(draft.citation).toBe('45 CFR 164.406');
    expect(text).toContain('   Citation: 45 CFR 164.406 (content: 45 CFR 164.404(c))\n');
    expect(text).toContain('Trinity Health Clinic: notice of a data breach affecting Texas residents\n');
  });

  it('is marked as a draft awaiting legal approval', () => {
    const { draft, text } = texasNotice();

    expect(draft.status).toBe(DRAFT_STATUS);
    expect(text.startsWith(`${DRAFT_BANNER}\n`)).toBe(true);
  });

  it('carries each element of 164.404(c)(1) under its heading', () => {
    const { text } = texasNotice();

    // (A) what happened, with the breach and discovery dates.
    expect(text).toContain(`What happened\n   ${narrative.whatHappened}\n`);
    expect(text).toContain('   Date of the breach: from 2026-02-20 to 2026-02-27\n');
    expect(text).toContain('   Date discovered: 2026-03-02\n');
    expect(text).toContain('   Texas residents affected: 600\n');
    // (B) the kinds of PHI.
    expect(text).toContain('What information was involved\n   names; dates of birth; medical information\n');
    // (C) steps for individuals; (D) what the entity is doing.
    expect(text).toContain('What you can do\n   - Review the statements you receive from your health insurer\n');
    expect(text).toContain('What we are doing\n   - Reset the password and ended every open session\n');
    // (E) contact procedures, including the toll-free number.
    expect(text).toContain('For more information\n   Toll-free: 1-888-555-0123\n   Email: privacy@trinity.example\n');
    expect(text).toContain('   Web: https://trinity.example/notice\n');
    expect(text).toContain('   Mail: 4100 Elm Street, Suite 7, Dallas, TX 75226\n');
  });

  it('states no number, date or contact that is not in its inputs', () => {
    const { facts, obligation, text } = texasNotice();
    const templateCitations = `${NOTICE_CONTENT_CITATION}(1)(E) and (2)`;

    expect(valuesNotFrom(text, [facts, obligation, organisation, narrative, templateCitations])).toEqual([]);
  });

  it('leaves the outlets and plain-language check to legal', () => {
    const { openItems } = texasNotice().draft;

    expect(openItems).toHaveLength(2);
    expect(openItems[0]).toMatch(/^Outlets: choose the prominent media outlets serving Texas/);
    expect(openItems[1]).toMatch(/^Plain language \(45 CFR 164\.404\(c\)\(2\)\)/);
  });

  it("lists the narrative's elements as open items when the organisation has not written them", () => {
    const { draft, text } = texasNotice(false);

    expect(text).toContain(`What happened\n   ${NOT_GIVEN}\n`);
    expect(text).toContain(`What you can do\n   ${NOT_GIVEN}\n`);
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^What happened: not given/));
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^What you can do: /));
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^What we are doing: not given/));
  });

  it('asks for a way to reach the entity when the organisation file gives none of the four (E) allows', () => {
    const facts = parsedFacts();
    const obligation = obligationOf(facts, 'HIPAA/media/US-TX');
    const draft = mediaNoticeDraft({ facts, obligation, organisation: { name: 'Trinity Health Clinic' }, narrative });

    expect(draft.contact).toEqual({});
    expect(draft.openItems).toContainEqual(
      expect.stringMatching(/^For more information: 45 CFR 164\.404\(c\)\(1\)\(E\) requires a toll-free number/),
    );
  });

  it('is not owed for exactly 500 residents of a state', () => {
    const facts = parsedFacts({ affected: [{ jurisdiction: 'US-TX', count: 500 }] });

    expect(obligationsFor(facts).filter((obligation) => obligation.recipient === 'media')).toEqual([]);
  });

  it('refuses an obligation that is not a media notice', () => {
    const facts = parsedFacts();

    expect(() => mediaNoticeDraft({ facts, obligation: obligationOf(facts, 'HIPAA/hhs'), organisation })).toThrow(
      DraftInputError,
    );
  });
});
