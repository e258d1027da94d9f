import { readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { Command, InvalidArgumentError, Option } from 'commander';
import * as incidents from '../client/incidents';
import type { IncidentStatus } from '../incidents/incident-state';
import type { SetPopulationRequest } from '../incidents/responder-requests';
import { IncidentRole } from '../incidents/vocabulary';
import { registerIncidentReport } from './incident-report';
import { incidentListTable, incidentStatusText } from './incident-tables';
import { progress } from './progress';
import { withClient } from './with-client';

/**
 * Responder commands against a running breachline (TEMPORAL_ADDRESS, or the
 * local dev server). Every action names who acts (`--as`) and in which role
 * (`--role`); the incident workflow checks both and refuses, saying why.
 */

interface ActorFlags {
  as: string;
  role: IncidentRole;
  json?: boolean;
}

function print(status: IncidentStatus, json: boolean): void {
  console.log(json ? JSON.stringify(status, null, 2) : incidentStatusText(status));
}

function parseInstant(text: string): Date {
  const instant = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(instant.getTime())) {
    throw new InvalidArgumentError('must be an ISO 8601 instant such as 2026-12-03T10:00:00Z');
  }
  return instant;
}

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('must be a whole number from 1');
  return limit;
}

function parseIndex(text: string): number {
  const index = Number(text);
  if (!Number.isInteger(index) || index < 0) throw new InvalidArgumentError('must be a whole number from 0');
  return index;
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new InvalidArgumentError(`${path} is not a readable JSON file`);
  }
}

/** A subcommand that acts as someone: `--as`, `--role` and `--json` on top of its own arguments. */
function actorCommand(parent: Command, usage: string, description: string, defaultRole: IncidentRole): Command {
  return parent
    .command(usage)
    .description(description)
    .requiredOption('--as <actorId>', 'who acts (an account name)')
    .addOption(
      new Option('--role <role>', 'the role acted in').choices(Object.values(IncidentRole)).default(defaultRole),
    )
    .option('--json', 'print JSON');
}

function act(work: (client: Client) => Promise<IncidentStatus>, flags: ActorFlags): Promise<void> {
  return withClient(async (client) => print(await work(client), flags.json ?? false));
}

interface ListFlags {
  tenant?: string;
  phase?: string;
  severity?: string;
  rule?: string;
  since?: Date;
  until?: Date;
  limit?: number;
  json?: boolean;
}

async function listAndPrint(client: Client, flags: ListFlags): Promise<void> {
  const filter = {
    tenantId: flags.tenant,
    phase: flags.phase,
    severity: flags.severity,
    ruleId: flags.rule,
    discoveredSince: flags.since,
    discoveredUntil: flags.until,
  };
  const bar = progress('Listing incidents');
  const listed = await incidents
    .listIncidents(client, filter, { limit: flags.limit, onListed: (count) => bar.update(count) })
    .finally(() => bar.stop());

  console.log(flags.json ? JSON.stringify(listed, null, 2) : incidentListTable(listed));
}

function registerListing(parent: Command): void {
  parent
    .command('list')
    .description('List incidents by their search attributes, newest first')
    .option('--tenant <tenantId>')
    .option('--phase <phase>')
    .option('--severity <severity>')
    .option('--rule <ruleId>')
    .option('--since <instant>', 'discovered at or after this instant', parseInstant)
    .option('--until <instant>', 'discovered before this instant', parseInstant)
    .option('--limit <count>', 'at most this many', parseLimit)
    .option('--json', 'print JSON')
    .action((flags: ListFlags) => withClient((client) => listAndPrint(client, flags)));
  parent
    .command('show <incidentId>')
    .description("Print an incident's status, containment actions and timeline")
    .option('--json', 'print JSON')
    .action((incidentId: string, flags: { json?: boolean }) =>
      withClient(async (client) => print(await incidents.getIncidentStatus(client, incidentId), flags.json ?? false)),
    );
}

function registerTriage(parent: Command): void {
  const { responder } = IncidentRole;
  actorCommand(parent, 'ack <incidentId>', 'Acknowledge an incident, which stops its escalation', responder)
    .option('--note <text>', 'a note for the timeline')
    .action((id: string, flags: ActorFlags & { note?: string }) =>
      act(
        (client) =>
          incidents.acknowledgeIncident(client, id, { actorId: flags.as, role: flags.role, note: flags.note }),
        flags,
      ),
    );
  actorCommand(parent, 'assign <incidentId> <assigneeId>', 'Give an incident to someone', responder).action(
    (id: string, assigneeId: string, flags: ActorFlags) =>
      act((client) => incidents.assignIncident(client, id, { actorId: flags.as, role: flags.role, assigneeId }), flags),
  );
  actorCommand(parent, 'note <incidentId> <text>', 'Add a note to the timeline', responder).action(
    (id: string, note: string, flags: ActorFlags) =>
      act((client) => incidents.addIncidentNote(client, id, { actorId: flags.as, role: flags.role, note }), flags),
  );
  for (const [verb, send] of [
    ['approve', incidents.approveContainment],
    ['reject', incidents.rejectContainment],
  ] as const) {
    actorCommand(
      parent,
      `${verb} <incidentId> <actionIndex>`,
      `${verb} an approval-gated containment action`,
      responder,
    )
      .option('--reason <text>', 'why, for the timeline')
      .action((id: string, index: string, flags: ActorFlags & { reason?: string }) => {
        const request = { actorId: flags.as, role: flags.role, actionIndex: parseIndex(index), reason: flags.reason };
        return act((client) => send(client, id, request), flags);
      });
  }
}

function registerDecisions(parent: Command): void {
  const { privacyOfficer } = IncidentRole;
  actorCommand(parent, 'assess <incidentId> <file>', 'Submit the breach risk assessment (JSON)', privacyOfficer).action(
    (id: string, file: string, flags: ActorFlags) => {
      const submission = readJsonFile(file);
      return act(
        (client) => incidents.submitAssessment(client, id, { actorId: flags.as, role: flags.role, submission }),
        flags,
      );
    },
  );
  actorCommand(
    parent,
    'population <incidentId> <file>',
    'Set the affected population (JSON: populationId, total, byJurisdiction)',
    privacyOfficer,
  ).action((id: string, file: string, flags: ActorFlags) => {
    const population = readJsonFile(file) as Omit<SetPopulationRequest, 'actorId' | 'role'>;
    return act(
      (client) => incidents.setAffectedPopulation(client, id, { ...population, actorId: flags.as, role: flags.role }),
      flags,
    );
  });
  actorCommand(
    parent,
    'facts <incidentId> <file>',
    'Set or correct the breach facts (JSON, as `breachline obligations` reads): starts or moves the notice clocks',
    privacyOfficer,
  )
    .requiredOption('--reason <text>', 'why, in a few words: "first facts", "Texas count corrected"')
    .action((id: string, file: string, flags: ActorFlags & { reason: string }) => {
      const request = { actorId: flags.as, role: flags.role, facts: readJsonFile(file), reason: flags.reason };
      return act((client) => incidents.setIncidentFacts(client, id, request), flags);
    });
  actorCommand(
    parent,
    'false-positive <incidentId>',
    'End an incident as a false positive; containment is undone',
    IncidentRole.responder,
  )
    .requiredOption('--reason <text>', 'why it is not an incident')
    .action((id: string, flags: ActorFlags & { reason: string }) =>
      act(
        (client) =>
          incidents.markFalsePositive(client, id, { actorId: flags.as, role: flags.role, reason: flags.reason }),
        flags,
      ),
    );
  actorCommand(parent, 'close <incidentId>', 'Close an assessed incident', privacyOfficer)
    .requiredOption('--reason <text>', 'why the incident is closed')
    .action((id: string, flags: ActorFlags & { reason: string }) =>
      act(
        (client) => incidents.closeIncident(client, id, { actorId: flags.as, role: flags.role, reason: flags.reason }),
        flags,
      ),
    );
}

export function incidentsCommand(): Command {
  const parent = new Command('incidents').description('Look at and act on incidents');
  registerListing(parent);
  registerTriage(parent);
  registerDecisions(parent);
  registerIncidentReport(parent);
  return parent;
}
