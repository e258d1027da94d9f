import { describe, expect, it } from 'vitest';
import { DRAFT_BANNER } from '../../src/drafts/draft-marking';
import { incidentDrafts, type IncidentDraftsInput } from '../../src/drafts/incident-drafts';
import type { IncidentFactsInput } from '../../src/obligations';
import { baseProfile } from './hhs-report-scenario';
import { narrative, obligationsFor, organisation, parsedFacts } from './notice-scenario';

function plan(facts: Partial<IncidentFactsInput>, extra: Partial<IncidentDraftsInput> = {}) {
  const parsed = parsedFacts(facts);
  const obligations = obligationsFor(parsed);
  const input: IncidentDraftsInput = {
    facts: parsed,
    obligations,
    organisation,
    narrative,
    gdprRisk: 'risk',
    preparedAt: '2026-03-03T12:00:00-06:00',
    ...extra,
  };

  return { obligations, result: incidentDrafts(input) };
}

function fileNames(result: ReturnType<typeof incidentDrafts>): string[] {
  return result.drafts.map((draft) => draft.fileName).sort();
}

describe('the drafts for an incident', () => {
  it('writes a Texas AG letter and a US-TX media notice for 600 Texans', () => {
    const { result } = plan({});

    expect(fileNames(result)).toEqual(['media-notice-US-TX.txt', 'state-letter-US-TX-attorney-general.txt']);
    for (const draft of result.drafts) expect(draft.text.startsWith(`${DRAFT_BANNER}\n`)).toBe(true);
  });

  it('drafts the HHS report only when given the OCR form profile, and says so otherwise', () => {
    const without = plan({}).result;
    const withProfile = plan({}, { hhsProfile: { ...baseProfile, state: 'US-TX' } }).result;

    expect(without.notDrafted).toContainEqual({
      obligationId: 'HIPAA/hhs',
      reason: 'the HHS report needs the OCR form profile (--profile)',
    });
    expect(fileNames(withProfile)).toContain('hhs-breach-report.txt');
  });

  it('accounts for every obligation: each is drafted or listed as not drafted', () => {
    const { obligations, result } = plan({
      affected: [
        { jurisdiction: 'US-TX', count: 600 },
        { jurisdiction: 'US-NY', count: 40 },
        { jurisdiction: 'DE', count: 12 },
      ],
    });
    const accounted = [...result.drafts, ...result.notDrafted].map((item) => item.obligationId).sort();

    expect(accounted).toEqual(obligations.map((obligation) => obligation.id).sort());
    expect(fileNames(result)).toContain('gdpr-art33-DE.txt');
  });

  it('marks the Art. 33 notification late, with the delay-reasons note, when drafted after the 72 hours', () => {
    const { result } = plan(
      {
        discoveredAt: '2026-03-02T09:30:00-06:00',
        determinedAt: '2026-03-02T09:30:00-06:00',
        affected: [{ jurisdiction: 'FR', count: 30 }],
      },
      { preparedAt: '2026-03-06T09:30:00-06:00' },
    );
    const gdpr = result.drafts.find((draft) => draft.fileName === 'gdpr-art33-FR.txt');

    expect(gdpr?.text).toContain('Art. 33(1): a notification made after 72 hours must give the reasons for the delay.');
    expect(gdpr?.text).toContain('5. Reasons for the delay (Art. 33(1))\n');
  });

  it('drafts no Art. 33 notification for a processor, which tells its controller instead', () => {
    const { result } = plan({ entityRole: 'business-associate', affected: [{ jurisdiction: 'DE', count: 30 }] });

    expect(result.drafts).toEqual([]);
    expect(result.notDrafted.map((item) => item.obligationId).sort()).toEqual([
      'GDPR/controller',
      'HIPAA/covered-entity',
    ]);
  });
});
