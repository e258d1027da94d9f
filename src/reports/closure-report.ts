import type { ClosureReportData } from './closure-report-data';
import { closureReport } from './closure-report-model';
import { renderMarkdown } from './render-markdown';
import { renderPdf } from './render-pdf';

/**
 * The closure report, as Markdown or PDF: timeline, containment actions,
 * evidence hashes, risk assessment, and every obligation with when it was
 * met. Both formats draw the same model, and both are pure: the same data
 * always gives the same text or the same bytes. See closure-report-data.ts
 * for what the input may and may not hold.
 */

export const ReportFormat = {
  markdown: 'md',
  pdf: 'pdf',
} as const;
export type ReportFormat = (typeof ReportFormat)[keyof typeof ReportFormat];

export function renderClosureReportMarkdown(data: ClosureReportData): string {
  return renderMarkdown(closureReport(data));
}

/** Dated `generatedAt`, the report's own time. `compress: false` leaves the text readable to tests. */
export function renderClosureReportPdf(data: ClosureReportData, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(closureReport(data), { createdAt: data.generatedAt, ...options });
}
