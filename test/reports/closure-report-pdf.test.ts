import { describe, expect, it } from 'vitest';
import { renderClosureReportPdf } from '../../src/reports/closure-report';
import type { ClosureReportData } from '../../src/reports/closure-report-data';
import { closureReportData } from '../../src/reports/closure-report-from-incident';
import { SYNTHETIC_PATIENT_NAME } from '../support/alerts';
import { artifactRecord, closedIncidentStatus, custodyEntry, GENERATED_AT, INCIDENT_ID } from './closed-incident';
import { pdfDrawnText, pdfPageCount } from './pdf-text';

const CUSTODY_HEAD = 'c'.repeat(64);

function closedReport(): ClosureReportData {
  const evidence = { artifacts: [artifactRecord()], custody: [custodyEntry(1, CUSTODY_HEAD)] };
  return closureReportData(closedIncidentStatus(), evidence, [], GENERATED_AT);
}

/** The closed incident with its timeline padded out to run over several pages. */
function longReport(): ClosureReportData {
  const report = closedReport();
  const padding = Array.from({ length: 150 }, (_, i) => ({
    at: GENERATED_AT,
    actor: 'breachline',
    kind: 'escalated',
    summary: `paged level ${i + 1}`,
  }));

  return { ...report, timeline: [...report.timeline, ...padding] };
}

describe('renderClosureReportPdf', () => {
  it('draws a PDF that names the incident, its outcome and its evidence hashes', async () => {
    const pdf = await renderClosureReportPdf(closedReport(), { compress: false });
    const text = pdfDrawnText(pdf);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain(`Closure report: incident ${INCIDENT_ID}`);
    expect(text).toContain('Reportable breach of unsecured PHI');
    expect(text).toContain(artifactRecord().sha256);
    expect(text).toContain(CUSTODY_HEAD);
  });

  it('leaves the responder notes out of the PDF as well', async () => {
    const text = pdfDrawnText(await renderClosureReportPdf(closedReport(), { compress: false }));

    expect(text).toContain('#0 suspend-user user');
    expect(text).not.toContain(SYNTHETIC_PATIENT_NAME);
  });

  it('gives the same bytes for the same data, dated when the report was generated', async () => {
    const first = await renderClosureReportPdf(closedReport());
    const second = await renderClosureReportPdf(closedReport());

    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('(D:20261209093000Z)');
  });

  it('heads every page of a long report with its page number out of the total', async () => {
    const pdf = await renderClosureReportPdf(longReport(), { compress: false });
    const pages = pdfPageCount(pdf);
    const text = pdfDrawnText(pdf);

    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`page ${page} of ${pages}`);
    expect(text).toContain('paged level 150');
  });
});
