import { type Command, Option } from 'commander';
import { getObligationsStatus, recordObligationMet } from '../client/obligations';
import { NoticeMethod, type ObligationsStatus } from '../obligations/tracking';
import { table } from './table';
import { withClient } from './with-client';

/**
 * `breachline obligations status|met`: legal's view of an incident's tracked
 * obligations, and the record that a notice went out, which stops its
 * reminders. They talk to the running tracker, not the pure engine.
 */

function standing(entry: ObligationsStatus['obligations'][number]): string {
  if (entry.met) return `met ${entry.met.metAt} (${entry.met.method}, ${entry.met.reference})`;
  return entry.overdue ? 'OVERDUE' : 'open';
}

function print(status: ObligationsStatus, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(status, null, 2));
    return;
  }
  console.log(`${status.incidentId}  as of ${status.asOf}  ${status.allMet ? 'all met' : 'notices outstanding'}\n`);
  const rows = status.obligations.map((entry) => [
    entry.id,
    entry.dueDate ?? entry.dueAt ?? entry.deadlineKind,
    entry.nextReminder?.at ?? '-',
    standing(entry),
  ]);
  console.log(table([['OBLIGATION', 'DUE', 'NEXT REMINDER', 'STANDING'], ...rows]));
}

/**
 * `breachline obligations` itself takes --json, and Commander gives an option
 * both commands declare to the parent; the subcommand reads it from either.
 */
function wantsJson(command: Command): boolean {
  return command.optsWithGlobals<{ json?: boolean }>().json ?? false;
}

export function registerObligationTracking(obligations: Command): void {
  obligations
    .command('status <incidentId>')
    .description("An incident's tracked obligations: due dates, next reminders, which are met")
    .option('--json', 'print JSON')
    .action((incidentId: string, _flags: unknown, command: Command) =>
      withClient(async (client) => print(await getObligationsStatus(client, incidentId), wantsJson(command))),
    );

  obligations
    .command('met <incidentId> <obligationId>')
    .description('Record that a notice was given; its reminders stop')
    .requiredOption('--as <actorId>', 'who records it')
    .requiredOption('--at <time>', 'when the notice was given (ISO 8601 with offset)')
    .addOption(
      new Option('--method <method>', 'how it was given').choices(Object.values(NoticeMethod)).makeOptionMandatory(),
    )
    .requiredOption('--reference <text>', 'what proves it: a portal confirmation, a mail batch number')
    .option('--json', 'print JSON')
    .action(
      (
        incidentId: string,
        obligationId: string,
        flags: { as: string; at: string; method: NoticeMethod; reference: string },
        command: Command,
      ) =>
        withClient(async (client) => {
          const request = {
            obligationId,
            metAt: flags.at,
            method: flags.method,
            reference: flags.reference,
            recordedBy: flags.as,
          };
          print(await recordObligationMet(client, incidentId, request), wantsJson(command));
        }),
    );
}
