import type { IncidentStatus } from '../../incidents/incident-state';
import type { NotificationProgress } from '../../notification/progress';
import type { ObligationsStatus } from '../../obligations/tracking/status';
import type { BundleVerification } from '../../evidence/verify-bundle';

/** What the demo did, printed at the end for a person to read and go look at. */

export interface DemoOutcome {
  events: { hl7: number; generated: number };
  incidents: IncidentStatus[];
  followed: IncidentStatus;
  deniedRetry: boolean;
  report: string;
  population: { size: number; missing: number; byJurisdiction: Record<string, number> };
  obligations: ObligationsStatus;
  notices: NotificationProgress;
  bundle: { file: string; verification: BundleVerification };
  where: {
    outbox?: string;
    smsOutbox: string;
    letters: string;
    apiUrl: string;
    temporal: string;
    uiUrl?: string;
    staysUp: boolean;
  };
}

const count = (n: number) => n.toLocaleString('en-US');

function printIncidents(outcome: DemoOutcome): void {
  console.log(`Incidents opened by detection (${outcome.incidents.length}):`);
  for (const incident of outcome.incidents) {
    const actions = incident.actions.map((action) => `${action.kind} ${action.status}`).join(', ') || 'no containment';
    console.log(
      `  ${incident.incidentId.padEnd(52)} ${incident.severity.padEnd(8)} ${incident.phase.padEnd(12)} ${incident.ruleIds.join(', ')}: ${actions}`,
    );
  }
}

function printFollowed(outcome: DemoOutcome): void {
  const { followed } = outcome;
  console.log('');
  console.log(`The incident followed through: ${followed.incidentId}`);
  for (const entry of followed.timeline) {
    console.log(`  ${entry.at}  ${entry.actor.padEnd(16)} ${entry.action}${entry.detail ? ` (${entry.detail})` : ''}`);
  }
  console.log(
    outcome.deniedRetry
      ? "  The suspended user's next chart read was refused by the platform and logged as denied."
      : "  WARNING: the suspended user's next chart read was not refused.",
  );
  console.log(`  Breach facts from a real HHS OCR report: ${outcome.report}`);
  const residents = Object.entries(outcome.population.byJurisdiction)
    .map(([where, n]) => `${where} ${count(n)}`)
    .join(', ');
  console.log(
    `  Affected patients found in the audit log: ${count(outcome.population.size)} (${residents}); ${count(outcome.population.missing)} unknown to the directory`,
  );
}

function printObligations(status: ObligationsStatus): void {
  console.log('');
  console.log('Notices owed (due dates in the entity time zone; reminders go to legal until each is met):');
  for (const entry of status.obligations) {
    const due = entry.dueDate ?? entry.dueAt ?? entry.relativeTo ?? entry.deadlineKind;
    const state = entry.met ? 'met' : entry.overdue ? 'OVERDUE' : 'open';
    console.log(
      `  ${due.padEnd(12)} ${state.padEnd(8)} ${entry.id.padEnd(28)} reminders ${String(entry.remindersSent).padEnd(3)} ${entry.citation}`,
    );
  }
}

function printNotices(progress: NotificationProgress): void {
  const { mail, email, sms } = progress.channels;
  console.log('');
  console.log(`Notices to the ${count(progress.total)} affected patients (${progress.state}):`);
  console.log(
    `  letters ${count(mail.sent)}, emails ${count(email.sent)}, text messages ${count(sms.sent)}; failed ${count(progress.failed)}`,
  );
  console.log(
    `  fallen back to a letter ${count(progress.fallenBack)}; counted toward substitute notice ${count(progress.substituteNotice)}; deceased without next-of-kin address ${count(progress.noNextOfKinAddress)}`,
  );
}

export function printDemoSummary(outcome: DemoOutcome): void {
  console.log('');
  console.log(
    `Audit events stored: ${count(outcome.events.hl7)} HL7 FHIR examples, ${count(outcome.events.generated)} generated PRM events`,
  );
  printIncidents(outcome);
  printFollowed(outcome);
  printObligations(outcome.obligations);
  printNotices(outcome.notices);

  const { bundle, where } = outcome;
  const verdict =
    bundle.verification.problems.length === 0
      ? `verifies (${bundle.verification.artifacts} artifacts, ${bundle.verification.custodyEntries} custody entries)`
      : `DOES NOT VERIFY: ${bundle.verification.problems.map((p) => `${p.subject}: ${p.problem}`).join('; ')}`;
  console.log('');
  console.log(`Evidence bundle: ${bundle.file} ${verdict}; check it yourself with breachline evidence verify`);
  console.log(`Mail (pages, reminders to legal, notices): ${where.outbox ?? 'sent through SMTP_URL'}`);
  console.log(`Text messages: ${where.smsOutbox}`);
  console.log(`Letters and the mail-house manifests: ${where.letters}`);
  if (!where.staysUp) {
    console.log('The stack stops with the demo; run `npm run demo -- --keep` to explore it afterwards.');
    return;
  }
  console.log(`Responder API: ${where.apiUrl} (OpenAPI at ${where.apiUrl}/openapi.json)`);
  console.log(`Temporal: ${where.temporal}${where.uiUrl ? `, Web UI ${where.uiUrl}` : ''}`);
}
