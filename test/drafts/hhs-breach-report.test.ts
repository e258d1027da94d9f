import { describe, expect, it } from 'vitest';
import { DRAFT_BANNER, DRAFT_STATUS } from '../../src/drafts/draft-marking';
import { hhsBreachReportDraft } from '../../src/drafts/hhs-breach-report';
import { renderHhsBreachReport } from '../../src/drafts/hhs-report-text';
import { reportInput } from './hhs-report-scenario';

describe('the HHS breach report draft', () => {
  it('is marked as a draft awaiting legal approval', () => {
    const draft = hhsBreachReportDraft(reportInput());

    expect(draft.status).toBe(DRAFT_STATUS);
    expect(draft.form).toBe('Notice to the Secretary of HHS Breach of Unsecured Protected Health Information');
    expect(draft.reportType).toBe('initial');
  });

  it("dates the breach and its discovery on the entity's civil days, not UTC's", () => {
    const { breach } = hhsBreachReportDraft(reportInput());

    expect(breach).toMatchObject({
      startDate: '2026-02-28',
      endDate: '2026-03-02',
      discoveryStartDate: '2026-03-09',
      discoveryEndDate: '2026-03-20',
    });
  });

  it('counts every affected individual across jurisdictions and files as a breach of 500 or more', () => {
    const draft = hhsBreachReportDraft(reportInput());

    expect(draft.breach.individualsAffected).toBe(690);
    expect(draft.breachAffecting).toBe('500-or-more');
    expect(draft.citation).toBe('45 CFR 164.408(b)');
  });

  it('files a breach under 500 as one for the annual log', () => {
    const draft = hhsBreachReportDraft(reportInput({ affected: [{ jurisdiction: 'US-MA', count: 499 }] }));

    expect(draft.breachAffecting).toBe('fewer-than-500');
    expect(draft.citation).toBe('45 CFR 164.408(c)');
  });

  it('says media notice was required only when more than 500 residents of one state were affected', () => {
    const over = hhsBreachReportDraft(reportInput());
    const atLimit = hhsBreachReportDraft(
      reportInput({
        affected: [
          { jurisdiction: 'US-MA', count: 500 },
          { jurisdiction: 'US-NH', count: 500 },
        ],
      }),
    );

    expect(over.notice.mediaNoticeRequired).toBe(true);
    expect(atLimit.notice.mediaNoticeRequired).toBe(false);
  });

  it('says substitute notice was required when some individuals cannot be reached', () => {
    expect(hhsBreachReportDraft(reportInput()).notice.substituteNoticeRequired).toBe(false);
    expect(hhsBreachReportDraft(reportInput({ insufficientContactCount: 3 })).notice.substituteNoticeRequired).toBe(
      true,
    );
  });

  it("lists each select-all answer once, in the form's order", () => {
    const draft = hhsBreachReportDraft(reportInput({}, { locations: ['network-server', 'email', 'network-server'] }));

    expect(draft.breach.locations).toEqual(['email', 'network-server']);
    expect(draft.breach.safeguards).toEqual(['privacy-rule', 'security-technical']);
  });

  it("carries the profile's entity type, state and business-associate flag", () => {
    const draft = hhsBreachReportDraft(
      reportInput({}, { entityType: 'health-plan', state: 'US-NH', businessAssociatePresent: true }),
    );

    expect(draft.coveredEntity).toEqual({ type: 'health-plan', state: 'US-NH' });
    expect(draft.businessAssociatePresent).toBe(true);
  });

  it('files for a covered entity when the facts say a business associate reports', () => {
    const draft = hhsBreachReportDraft(
      reportInput({ entityRole: 'business-associate' }, { entityType: 'business-associate' }),
    );

    expect(draft.filerRole).toBe('business-associate-for-covered-entity');
    expect(draft.openItems).toContainEqual(
      expect.stringMatching(/^Type of Covered Entity: the form offers Health Plan/),
    );
  });

  it('takes the name, address and contact from the organisation when given', () => {
    const organisation = { name: 'Harbor Clinic', contact: { name: 'Privacy Officer', phone: '+1 617 555 0100' } };
    const draft = hhsBreachReportDraft({ ...reportInput(), organisation });

    expect(draft.coveredEntity).toMatchObject(organisation);
    expect(draft.openItems).not.toContainEqual(expect.stringMatching(/^Name of Covered Entity/));
    expect(draft.openItems).toContain('Covered entity address: not given.');
  });
});

describe('what the HHS report draft leaves for legal', () => {
  it('asks for the breach end date the form requires when the breach is ongoing', () => {
    const draft = hhsBreachReportDraft(reportInput({ breach: { startedAt: '2026-02-28T22:00:00-05:00' } }));

    expect(draft.breach.endDate).toBeUndefined();
    expect(draft.openItems).toContainEqual(expect.stringMatching(/^Breach End Date: the form requires it/));
  });

  it("asks for a real type of breach when the listing's Unknown was given", () => {
    const draft = hhsBreachReportDraft(reportInput({}, { breachTypes: ['unknown'] }));

    expect(draft.openItems).toContainEqual(expect.stringMatching(/^Type of Breach: the form has no Unknown/));
  });

  it('always leaves the PHI types, notice dates and attestation to legal', () => {
    const { openItems } = hhsBreachReportDraft(reportInput());

    expect(openItems).toContainEqual(expect.stringMatching(/^Type of Protected Health Information Involved/));
    expect(openItems).toContainEqual(expect.stringMatching(/^Individual Notice Provided Start Date/));
    expect(openItems.at(-1)).toMatch(/^Attestation/);
  });
});

describe('the HHS report draft as text', () => {
  it("opens with the draft banner and shows the form's labels, not breachline's values", () => {
    const text = renderHhsBreachReport(hhsBreachReportDraft(reportInput()));

    expect(text.startsWith(`${DRAFT_BANNER}\n`)).toBe(true);
    expect(text).toContain('   Type of Covered Entity: Healthcare Provider\n');
    expect(text).toContain('   Type of Breach: Hacking/IT Incident\n');
    expect(text).toContain('   Location of Breached Information: Email; Network Server\n');
    expect(text).toContain('   Approximate Number of Individuals Affected by the Breach: 690\n');
    expect(text).toContain('   Was Media Notice Required? Yes\n');
    expect(text).not.toContain('network-server');
  });

  it('says which fields are empty and lists the open items', () => {
    const draft = hhsBreachReportDraft(reportInput({ breach: { startedAt: '2026-02-28T22:00:00-05:00' } }));
    const text = renderHhsBreachReport(draft);

    expect(text).toContain('   Breach End Date: (not given)\n');
    expect(text).toContain('Open items for legal:\n   - Name of Covered Entity: not given.\n');
    expect(text.trimEnd().endsWith('Dates are civil dates in America/New_York.')).toBe(true);
  });

  it("carries the actions taken in response and prints each under the form's label for it", () => {
    const draft = hhsBreachReportDraft(
      reportInput({}, { actionsTaken: ['trained-workforce', 'mitigated-harm', 'trained-workforce'] }),
    );

    const text = renderHhsBreachReport(draft);

    expect(draft.notice.actionsTaken).toEqual(['mitigated-harm', 'trained-workforce']);
    expect(text).toContain(
      '   Actions Taken in Response to Breach: Took steps to mitigate harm; Trained or retrained workforce members\n',
    );
    expect(text).not.toContain('mitigated-harm');
  });
});
