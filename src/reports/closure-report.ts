import type { ClosureReportData } from './closure-report-data';
import { closureReport } from './closure-report-model';
import { renderMarkdown } from './render-markdown';

/**
 * The closure report as Markdown: timeline, containment actions, evidence
 * hashes, risk assessment, and every obligation with when it was met. Pure:
 * the same data always gives the same text. See closure-report-data.ts for
 * what the input may and may not hold.
 */
export function renderClosureReportMarkdown(data: ClosureReportData): string {
  return renderMarkdown(closureReport(data));
}
