import { describe, expect, it } from 'vitest';
import type { ObligationStatus, ObligationsStatus } from '../../src/obligations/tracking';
import { closureObligations } from '../../src/reports/closure-obligations';
import { renderClosureReportMarkdown, renderClosureReportPdf } from '../../src/reports/closure-report';
import type { ClosureReportData } from '../../src/reports/closure-report-data';
import { closureReportData } from '../../src/reports/closure-report-from-incident';
import { formatInstant } from '../../src/reports/report-format';
import { artifactRecord, closedIncidentStatus, custodyEntry, GENERATED_AT, INCIDENT_ID } from './closed-incident';
import { pdfDrawnText } from './pdf-text';

/**
 * What an auditor looks for in a closure report, checked in both formats:
 * every timeline action, each artifact's hash, the custody log's head, and
 * each notice with its due date and, once met, when, how and the proof.
 */

const CONTAINMENT_SHA256 = 'ca93f4df72e1cd0aaff72914c81b8f51fd48ec108279b39b4c8127d943b59ee1';
const FIRST_CUSTODY_HASH = 'cb205956ed54474f8f0ea8e42d4ace60a14e5511b9729e88778c106152227042';
const CUSTODY_HEAD = 'e605c9b2513b6968a3d84c36851728916d45f3e94137af1bc2f3b5a7ae84a499';

const artifacts = [
  artifactRecord(),
  artifactRecord({
    id: '5d2a9e10-7c4b-4f3e-8a1d-6b0c2f9e7a34',
    kind: 'containment-record',
    name: 'containment-suspend-user.json',
    mediaType: 'application/json',
    sha256: CONTAINMENT_SHA256,
    size: 1_204,
    capturedAt: '2026-12-03T10:25:05.000000Z',
  }),
];

/** As the tracker reports them: due at the end of the civil day in Los Angeles, one met, one still open. */
function trackerObligation(overrides: Partial<ObligationStatus>): ObligationStatus {
  return {
    id: 'HIPAA/individuals',
    regime: 'HIPAA',
    recipient: 'individuals',
    recipientName: 'Affected individuals',
    jurisdiction: 'US',
    citation: '45 CFR 164.404',
    deadlineKind: 'civil-date',
    dueDate: '2027-02-01',
    dueAt: '2027-02-02T07:59:59.999Z',
    remindersSent: 2,
    overdue: false,
    ...overrides,
  };
}

const INDIVIDUALS_MET = {
  obligationId: 'HIPAA/individuals',
  metAt: '2026-12-08T18:00:00.000Z',
  method: 'first-class-mail',
  reference: 'USPS batch 2026-1208-CA',
  recordedBy: 'privacy.officer',
  recordedAt: '2026-12-08T18:30:00.000Z',
} as const;

function trackerStatus(): ObligationsStatus {
  return {
    incidentId: INCIDENT_ID,
    asOf: GENERATED_AT,
    obligations: [
      trackerObligation({ met: INDIVIDUALS_MET }),
      trackerObligation({
        id: 'HIPAA/hhs-annual-log',
        recipient: 'hhs',
        recipientName: 'Secretary of HHS (annual log)',
        citation: '45 CFR 164.408(c)',
        dueDate: '2027-03-01',
        dueAt: '2027-03-02T07:59:59.999Z',
        remindersSent: 0,
      }),
    ],
    metElsewhere: [],
    recomputations: [{ at: '2026-12-05T16:05:00.000Z', reason: 'assessment reportable' }],
    allMet: false,
  };
}

function report(): ClosureReportData {
  const custody = [
    custodyEntry(1, FIRST_CUSTODY_HASH),
    { ...custodyEntry(2, CUSTODY_HEAD), prevHash: FIRST_CUSTODY_HASH },
  ];

  return closureReportData(
    closedIncidentStatus(),
    { artifacts, custody },
    closureObligations(trackerStatus()),
    GENERATED_AT,
  );
}

/** The cells of the Markdown table row whose first cell is `first` (code spans unwrapped). */
function markdownRow(markdown: string, first: string): string[] {
  const cells = (line: string) =>
    line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.replace(/^`(.*)`$/, '$1'));
  const row = markdown.split('\n').find((line) => line.startsWith('| ') && cells(line)[0] === first);
  if (row === undefined) throw new Error(`no table row starts with ${first}`);

  return cells(row);
}

/** The rows of the Markdown table under `## title`, without its header and rule. */
function markdownTable(markdown: string, title: string): string[][] {
  const section = markdown.split(`## ${title}\n`)[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| '));

  return rows.slice(2).map((line) => line.slice(2, -2).split(' | '));
}

/** The PDF's drawn text with every space and line break taken out, so a wrapped cell still matches. */
async function pdfText(): Promise<string> {
  return squeeze(pdfDrawnText(await renderClosureReportPdf(report(), { compress: false })));
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('the closure report in Markdown', () => {
  it('lists every timeline entry with its action, in order', () => {
    const data = report();
    const rows = markdownTable(renderClosureReportMarkdown(data), 'Timeline');

    expect(data.timeline).toHaveLength(17);
    expect(rows.map((row) => row[2])).toEqual(data.timeline.map((entry) => entry.kind));
    expect(rows.map((row) => row[1])).toEqual(data.timeline.map((entry) => entry.actor));
  });

  it("shows each artifact's SHA-256 on its own row, and the custody log's head", () => {
    const markdown = renderClosureReportMarkdown(report());

    expect(markdownRow(markdown, artifacts[0]?.id ?? '').at(-1)).toBe('a'.repeat(64));
    expect(markdownRow(markdown, artifacts[1]?.id ?? '')).toEqual([
      '5d2a9e10-7c4b-4f3e-8a1d-6b0c2f9e7a34',
      'containment-suspend-user.json',
      'containment-record',
      '1,204 B',
      'breachline<br>2026-12-03 10:25:05 UTC',
      CONTAINMENT_SHA256,
    ]);
    expect(markdown).toContain(`- **Custody log head:** \`${CUSTODY_HEAD}\`\n`);
    expect(markdown).toContain('- **Custody log entries:** 2\n');
  });

  it('shows each obligation with its due date and, for the met one, when, how and the reference', () => {
    const markdown = renderClosureReportMarkdown(report());

    expect(markdownRow(markdown, 'HIPAA/individuals')).toEqual([
      'HIPAA/individuals',
      'individuals',
      'US',
      '45 CFR 164.404',
      '2027-02-02 07:59:59 UTC',
      '2026-12-08 18:00:00 UTC',
      'met on time',
      'first-class-mail<br>USPS batch 2026-1208-CA',
    ]);
    expect(markdownRow(markdown, 'HIPAA/hhs-annual-log')).toEqual([
      'HIPAA/hhs-annual-log',
      'hhs',
      'US',
      '45 CFR 164.408(c)',
      '2027-03-02 07:59:59 UTC',
      '',
      'open',
      '',
    ]);
  });
});

describe('the closure report as PDF', () => {
  it('draws every timeline entry with its action, in order', async () => {
    const text = await pdfText();
    const rows = report().timeline.map((entry) => squeeze(`${formatInstant(entry.at)}${entry.actor}${entry.kind}`));

    let from = 0;
    for (const row of rows) {
      const at = text.indexOf(row, from);
      expect(at, row).toBeGreaterThanOrEqual(0);
      from = at + row.length;
    }
  });

  it("draws each artifact's SHA-256 in its row, and the custody log's head", async () => {
    const text = await pdfText();

    expect(text).toContain(squeeze(`${artifacts[0]?.id ?? ''}alert-prm-mass-record-access.ndjson`));
    expect(text).toContain(`breachline2026-12-0310:40:00UTC${'a'.repeat(64)}`);
    expect(text).toContain(squeeze(`${artifacts[1]?.id ?? ''}containment-suspend-user.jsoncontainment-record1,204 B`));
    expect(text).toContain(`breachline2026-12-0310:25:05UTC${CONTAINMENT_SHA256}`);
    expect(text).toContain(`Custodylogentries2Custodyloghead${CUSTODY_HEAD}`);
    expect(text).not.toContain(FIRST_CUSTODY_HASH);
  });

  it('draws each obligation with its due date and, for the met one, when, how and the reference', async () => {
    const text = await pdfText();

    expect(text).toContain(
      squeeze(
        'HIPAA/individuals individuals US 45 CFR 164.404 2027-02-02 07:59:59 UTC 2026-12-08 18:00:00 UTC ' +
          'met on time first-class-mail USPS batch 2026-1208-CA',
      ),
    );
    expect(text).toContain(squeeze('HIPAA/hhs-annual-log hhs US 45 CFR 164.408(c) 2027-03-02 07:59:59 UTC open'));
  });
});
