import { Command, Option } from 'commander';
import { DateTime } from 'luxon';
import { timestampSchema } from '../audit/event';
import {
  GdprRisk,
  ObligationInputError,
  computeObligations,
  dueInstant,
  parseIncidentFacts,
  standing,
  type Obligation,
  type ObligationOptionsInput,
  type ObligationsResult,
  type Standing,
} from '../obligations';
import { registerObligationTracking } from './obligations-tracking';
import { readJson } from './read-json';
import { table } from './table';

/**
 * `breachline obligations FACTS.json`: every notice owed for an incident, as a
 * table for people or JSON for machines. With `--as-of`, how long is left on
 * each and which are overdue.
 */

interface ObligationsFlags {
  asOf?: string;
  json?: boolean;
  internalTargetDays?: string;
  gdprRisk?: GdprRisk;
  baAgreementDays?: string;
  met: string[];
}

/** Reads the flags into engine options, naming every bad one at once. */
function engineOptions(flags: ObligationsFlags): ObligationOptionsInput {
  const problems: string[] = [];
  const whole = (text: string | undefined, flag: string): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) problems.push(`${flag}: must be a whole number of days`);
    return Number(text);
  };
  const met: Record<string, string> = {};
  for (const entry of flags.met) {
    const [id = '', at = ''] = entry.split('=', 2);
    if (id === '' || !timestampSchema.safeParse(at).success) {
      problems.push(`--met: "${id || entry}" must be ID=TIME with TIME in ISO 8601 with an offset`);
    } else met[id] = at;
  }
  if (flags.asOf !== undefined && !timestampSchema.safeParse(flags.asOf).success) {
    problems.push('--as-of: must be an ISO 8601 date and time with an offset (Z or ±hh:mm)');
  }
  const internalTargetDays = whole(flags.internalTargetDays, '--internal-target-days');
  const businessAssociateAgreementDays = whole(flags.baAgreementDays, '--ba-agreement-days');
  if (problems.length > 0) throw new ObligationInputError('command options', problems);

  return {
    met,
    ...(internalTargetDays === undefined ? {} : { internalTargetDays }),
    ...(businessAssociateAgreementDays === undefined ? {} : { businessAssociateAgreementDays }),
    ...(flags.gdprRisk === undefined ? {} : { gdprRisk: flags.gdprRisk }),
  };
}

function dueText(obligation: Obligation): string {
  const deadline = obligation.deadline;
  switch (deadline.kind) {
    case 'instant':
      return DateTime.fromISO(deadline.dueAt).setZone(obligation.timeZone).toFormat('yyyy-MM-dd HH:mm ZZZZ');
    case 'civil-date':
      return deadline.dueDate;
    case 'without-unreasonable-delay':
      return `${deadline.targetDate} (target)`;
    case 'relative':
      return deadline.latestDate === undefined ? 'open' : `${deadline.latestDate} (latest)`;
  }
}

function timingText(obligation: Obligation): string {
  const deadline = obligation.deadline;
  switch (deadline.kind) {
    case 'instant':
      return 'fixed instant';
    case 'civil-date':
      return obligation.lawEnforcementDelay ? 'fixed date, law-enforcement delay' : 'fixed date';
    case 'without-unreasonable-delay':
      return `without unreasonable delay; target ${deadline.targetDays} d`;
    case 'relative': {
      const period = deadline.period ? `${deadline.period.count} ${deadline.period.unit.replace('-', ' ')} ` : '';
      return `${period}${deadline.relation.replaceAll('-', ' ')} ${deadline.to}`;
    }
  }
}

function leftText(state: Standing): string {
  if (state.met) return state.metLate ? 'met late' : 'met';
  if (state.daysRemaining === undefined || state.hoursRemaining === undefined) return '-';
  if (state.overdue) return `OVERDUE ${Math.max(1, -state.daysRemaining)} d`;
  if (state.hoursRemaining < 48) return `${state.hoursRemaining} h`;

  return state.daysRemaining === 0 ? 'due today' : `${state.daysRemaining} d`;
}

function byDue(a: Obligation, b: Obligation): number {
  return (dueInstant(a) ?? '9999').localeCompare(dueInstant(b) ?? '9999') || a.id.localeCompare(b.id);
}

/** Each uncertainty once, with the obligations it concerns: one statute's note covers all its notices. */
function printUncertainties(obligations: Obligation[]): void {
  const byText = new Map<string, string[]>();
  for (const obligation of obligations) {
    if (obligation.uncertainty === undefined) continue;
    byText.set(obligation.uncertainty, [...(byText.get(obligation.uncertainty) ?? []), obligation.id]);
  }
  if (byText.size > 0) console.log('\nUncertain rules:');
  for (const [text, ids] of byText) console.log(`  ${ids.join(', ')}: ${text}`);
}

function printTable(result: ObligationsResult, asOf: string | undefined): void {
  const sorted = [...result.obligations].sort(byDue);
  const header = ['DUE', ...(asOf ? ['LEFT'] : []), 'OBLIGATION', 'RECIPIENT', 'CITATION', 'TIMING'];
  const rows = sorted.map((obligation) => [
    dueText(obligation),
    ...(asOf ? [leftText(standing(obligation, asOf))] : []),
    obligation.id,
    obligation.recipientName,
    obligation.citation,
    timingText(obligation),
  ]);
  console.log(sorted.length === 0 ? 'No notices are owed.' : table([header, ...rows]));
  if (asOf) {
    const overdue = sorted.filter((obligation) => standing(obligation, asOf).overdue).length;
    console.log(`\n${sorted.length} obligations as of ${asOf}; ${overdue} overdue.`);
  }

  printUncertainties(sorted);
  if (result.exemptions.length > 0) console.log('\nNot owed:');
  for (const exemption of result.exemptions) console.log(`  ${exemption.id}: ${exemption.reason}`);
}

function printJson(result: ObligationsResult, asOf: string | undefined): void {
  const obligations = result.obligations.map((obligation) => ({
    ...obligation,
    dueAt: dueInstant(obligation) ?? null,
    ...(asOf ? { standing: standing(obligation, asOf) } : {}),
  }));
  console.log(JSON.stringify({ ...(asOf ? { asOf } : {}), obligations, exemptions: result.exemptions }, null, 2));
}

async function runObligations(file: string, flags: ObligationsFlags): Promise<void> {
  const options = engineOptions(flags);
  const facts = parseIncidentFacts(await readJson(file));
  const result = computeObligations(facts, options);

  if (flags.json) printJson(result, flags.asOf);
  else printTable(result, flags.asOf);
}

export function obligationsCommand(): Command {
  const command = new Command('obligations')
    .description(
      'List every breach notice owed for an incident (HIPAA, states and territories, GDPR) and when it is due',
    )
    .argument('<facts>', 'incident facts, a JSON file')
    .option('--as-of <time>', 'show time left and overdue notices as of this instant (ISO 8601 with offset)')
    .option('--json', 'print JSON for machines')
    .option('--internal-target-days <n>', 'own target for notices due "without unreasonable delay" (default 30)')
    .addOption(
      new Option('--gdpr-risk <level>', 'GDPR risk assessment (default risk)').choices(Object.values(GdprRisk)),
    )
    .option('--ba-agreement-days <n>', "the business associate agreement's deadline to the covered entity")
    .option(
      '--met <id=time>',
      'an obligation already met, and when (repeatable)',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .action(runObligations);
  registerObligationTracking(command);
  return command;
}
