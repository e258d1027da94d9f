import { describe, expect, it } from 'vitest';
import { DraftInputError } from '../../src/drafts/draft-marking';
import { hhsBreachReportDraft } from '../../src/drafts/hhs-breach-report';
import { HhsReportInputError } from '../../src/drafts/hhs-report-input';
import { reportInput, withUntyped } from './hhs-report-scenario';

function refusal(run: () => unknown): HhsReportInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof HhsReportInputError) return error;
    throw error;
  }
  throw new Error('the draft was built, not refused');
}

describe('an HHS report draft refuses values outside the form', () => {
  it.each([
    ['entityType', 'hospital', 'Type of Covered Entity'],
    ['state', 'US-ZZ', 'State'],
    ['breachTypes', ['hacking-it-incident', 'phishing'], 'Type of Breach, item 2'],
    ['locations', ['cloud-bucket'], 'Location of Breached Information, item 1'],
    ['safeguards', ['firewalls'], 'Safeguards in Place Prior to Breach, item 1'],
    ['actionsTaken', ['apologised', 'trained-workforce'], 'Actions Taken in Response to Breach, item 1'],
    ['businessAssociatePresent', 'Yes', 'Business Associate Present'],
  ] as const)('names the field when %s holds a value the form does not list', (field, value, label) => {
    const error = refusal(() => hhsBreachReportDraft(withUntyped(field, value)));

    expect(error.fields).toEqual([label]);
    expect(error.message).toMatch(new RegExp(`^cannot draft the HHS breach report: ${label}: `));
  });

  it('lists the values the form takes, and never the value it was given', () => {
    const error = refusal(() => hhsBreachReportDraft(withUntyped('breachTypes', ['Ransomware at Dr. Smith'])));

    expect(error.message).toContain('hacking-it-incident, improper-disposal, loss, theft');
    expect(error.message).not.toContain('Smith');
  });

  it('names every bad field at once', () => {
    const input = withUntyped('locations', ['cloud-bucket']);
    const error = refusal(() =>
      hhsBreachReportDraft({ ...input, profile: { ...input.profile, entityType: 'clinic' as never } }),
    );

    expect(error.fields).toEqual(['Type of Covered Entity', 'Location of Breached Information, item 1']);
  });

  it('refuses an empty type of breach, since the form needs at least one', () => {
    const error = refusal(() => hhsBreachReportDraft(reportInput({}, { breachTypes: [] })));

    expect(error.problems).toEqual([{ field: 'Type of Breach', problem: 'needs at least one value' }]);
  });

  it('refuses None together with safeguards that were in place', () => {
    const error = refusal(() => hhsBreachReportDraft(reportInput({}, { safeguards: ['none', 'security-physical'] })));

    expect(error.fields).toEqual(['Safeguards in Place Prior to Breach']);
  });

  it('refuses a description longer than the 4,000 characters the form takes', () => {
    const error = refusal(() => hhsBreachReportDraft({ ...reportInput(), description: 'x'.repeat(4001) }));

    expect(error.problems).toEqual([
      { field: 'Brief Description of the Breach', problem: 'has 4001 characters; the form takes at most 4000' },
    ]);
  });

  it('refuses fields the form does not ask for', () => {
    const error = refusal(() => hhsBreachReportDraft(withUntyped('patientName' as never, 'someone')));

    expect(error.message).toContain('has fields the form does not ask for: patientName');
  });

  it('refuses to draft a report when encryption secured the PHI', () => {
    const secured = reportInput({ encryption: { encrypted: true, keyCompromised: false } });

    expect(() => hhsBreachReportDraft(secured)).toThrow(DraftInputError);
    expect(() => hhsBreachReportDraft(secured)).toThrow(/secured by encryption .*: no report is owed/);
  });
});
