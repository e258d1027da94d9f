import { describe, expect, it } from 'vitest';
import { CUSTODY_GENESIS } from '../../src/evidence/custody-entry';
import { openIncident, recordAlert, toStatus } from '../../src/incidents/incident-state';
import { markFalsePositive } from '../../src/incidents/responder-actions';
import { IncidentRole } from '../../src/incidents/vocabulary';
import { renderClosureReportMarkdown } from '../../src/reports/closure-report';
import { closureReportData, NOTE_WITHHELD } from '../../src/reports/closure-report-from-incident';
import { SYNTHETIC_PATIENT_NAME, sampleAlert } from '../support/alerts';
import {
  ACKNOWLEDGED_AT,
  APPLIED_AT,
  artifactRecord,
  CLOSED_AT,
  closedIncidentStatus,
  custodyEntry,
  GENERATED_AT,
  INCIDENT_ID,
  OPENED_AT,
  PATIENT_NOTE,
} from './closed-incident';

const noEvidence = { artifacts: [], custody: [] };

function closedReport() {
  const evidence = { artifacts: [artifactRecord()], custody: [custodyEntry(1, 'c'.repeat(64))] };
  return closureReportData(closedIncidentStatus(), evidence, [], GENERATED_AT);
}

describe('closureReportData', () => {
  it('copies each timeline entry with its detail as the summary, in order', () => {
    const timeline = closedReport().timeline;

    expect(timeline.map((entry) => entry.kind)).toEqual([
      'opened',
      'alert-received',
      'containment-planned',
      'acknowledged',
      'phase-changed',
      'note-added',
      'containment-approved',
      'containment-applied',
      'containment-failed',
      'phase-changed',
      'evidence-captured',
      'phase-changed',
      'assessment-submitted',
      'phase-changed',
      'population-set',
      'closed',
      'phase-changed',
    ]);
    expect(timeline[1]).toEqual({
      at: OPENED_AT,
      actor: 'breachline',
      kind: 'alert-received',
      summary: 'prm-mass-record-access (high)',
    });
    expect(timeline[4]?.summary).toBe('triage -> containment');
  });

  it('marks where a responder note was left out instead of printing it', () => {
    const timeline = closedReport().timeline;

    expect(timeline[3]).toEqual({
      at: ACKNOWLEDGED_AT,
      actor: 'dr.okafor',
      kind: 'acknowledged',
      summary: NOTE_WITHHELD,
    });
    expect(timeline[6]?.summary).toBe(`#0 suspend-user user ${NOTE_WITHHELD}`);
    expect(timeline.filter((entry) => entry.summary.includes(NOTE_WITHHELD))).toHaveLength(4);
  });

  it('describes each containment action by target, who decided it and how it ended', () => {
    expect(closedReport().containmentActions).toEqual([
      {
        kind: 'suspend-user',
        target: 'user-4411',
        mode: 'approval, decided by dr.okafor',
        outcome: 'applied (request req-suspend-1)',
        at: APPLIED_AT,
      },
      {
        kind: 'block-ip',
        target: '10.20.30.40',
        mode: 'automatic',
        outcome: 'failed: ContainmentRejected',
        at: '2026-12-03T10:15:10.000Z',
      },
    ]);
  });

  it('takes the assessment result and submission as the incident recorded them', () => {
    const report = closedReport();

    expect(report.assessment?.result).toEqual({
      outcome: 'reportable',
      reportable: true,
      reasons: closedIncidentStatus().assessment?.reasons,
      citations: closedIncidentStatus().assessment?.citations,
    });
    expect(report.assessment?.submission.factors?.natureAndExtent.rating).toBe('high');
  });

  it('shows who closed the incident and when, but not the reason given', () => {
    const report = closedReport();

    expect(report.closed).toEqual({ by: 'privacy.officer', at: CLOSED_AT });
    expect(report.falsePositive).toBe(false);
  });

  it('takes the artifacts from the store and the custody head from the last entry', () => {
    const custody = [custodyEntry(1, 'c'.repeat(64)), custodyEntry(2, 'd'.repeat(64))];
    const report = closureReportData(
      closedIncidentStatus(),
      { artifacts: [artifactRecord()], custody },
      [],
      GENERATED_AT,
    );

    expect(report.evidence).toEqual({
      artifacts: [
        {
          id: artifactRecord().id,
          name: 'alert-prm-mass-record-access.ndjson',
          kind: 'audit-events',
          sha256: 'a'.repeat(64),
          size: 48_213,
          capturedBy: 'breachline',
          capturedAt: '2026-12-03T10:40:00.000000Z',
        },
      ],
      custodyHead: 'd'.repeat(64),
      custodyEntries: 2,
    });
  });

  it('gives an empty custody log the genesis hash as its head', () => {
    const report = closureReportData(closedIncidentStatus(), noEvidence, [], GENERATED_AT);

    expect(report.evidence).toEqual({ artifacts: [], custodyHead: CUSTODY_GENESIS, custodyEntries: 0 });
  });

  it('treats a false positive as closed by whoever marked it, with no assessment', () => {
    const alerted = recordAlert(openIncident(INCIDENT_ID, 'st-elsewhere', OPENED_AT), sampleAlert(), OPENED_AT);
    const request = { actorId: 'dr.okafor', role: IncidentRole.responder, reason: PATIENT_NOTE };
    const status = toStatus(markFalsePositive(alerted, request, ACKNOWLEDGED_AT));

    const report = closureReportData(status, noEvidence, [], GENERATED_AT);

    expect(report.closed).toEqual({ by: 'dr.okafor', at: ACKNOWLEDGED_AT });
    expect(report.falsePositive).toBe(true);
    expect(report.assessment).toBeUndefined();
    expect(renderClosureReportMarkdown(report)).not.toContain(SYNTHETIC_PATIENT_NAME);
  });

  it('keeps every note, decision reason and closing reason out of the Markdown report', () => {
    const markdown = renderClosureReportMarkdown(closedReport());

    expect(markdown).toContain(INCIDENT_ID);
    expect(markdown).toContain('Reportable breach of unsecured PHI');
    expect(markdown).not.toContain(SYNTHETIC_PATIENT_NAME);
    expect(markdown).not.toContain('about the chart views');
  });
});
