import { Command } from 'commander';
import { acknowledgeIncident, closeIncident, getIncidentStatus } from '../client/incidents';
import type { IncidentStatus } from '../incidents/incident-state';
import { withClient } from './with-client';

/** Responder commands against a running breachline (TEMPORAL_ADDRESS, or the local dev server). */

function print(status: IncidentStatus, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(status, null, 2));
    return;
  }
  console.log(`${status.incidentId}  ${status.phase}  ${status.severity}  alerts ${status.alertCount}`);
  for (const entry of status.timeline) {
    console.log(`  ${entry.at}  ${entry.actor.padEnd(16)} ${entry.action}${entry.detail ? ` (${entry.detail})` : ''}`);
  }
}

export function incidentsCommand(): Command {
  const incidents = new Command('incidents').description('Look at and act on incidents');

  incidents
    .command('show <incidentId>')
    .description("Print an incident's status and timeline")
    .option('--json', 'print JSON')
    .action((incidentId: string, options: { json?: boolean }) =>
      withClient(async (client) => print(await getIncidentStatus(client, incidentId), options.json ?? false)),
    );

  incidents
    .command('ack <incidentId>')
    .description('Acknowledge an incident, which stops its escalation')
    .requiredOption('--as <responderId>', 'who acknowledges')
    .option('--note <text>', 'a note for the timeline')
    .option('--json', 'print JSON')
    .action((incidentId: string, options: { as: string; note?: string; json?: boolean }) =>
      withClient(async (client) => {
        const request = { responderId: options.as, ...(options.note ? { note: options.note } : {}) };
        print(await acknowledgeIncident(client, incidentId, request), options.json ?? false);
      }),
    );

  incidents
    .command('close <incidentId>')
    .description('Close an acknowledged incident')
    .requiredOption('--as <responderId>', 'who closes')
    .requiredOption('--reason <text>', 'why the incident is closed')
    .option('--json', 'print JSON')
    .action((incidentId: string, options: { as: string; reason: string; json?: boolean }) =>
      withClient(async (client) => {
        const status = await closeIncident(client, incidentId, { responderId: options.as, reason: options.reason });
        print(status, options.json ?? false);
      }),
    );

  return incidents;
}
