import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { raiseAlert } from '../client/incidents';
import { alertSchema } from '../incidents/alert';
import { withClient } from './with-client';

/** A made-up alert with a fresh dedup key, for trying responder commands by hand. */
function sampleAlert(): unknown {
  return {
    alertId: `sample-${randomUUID()}`,
    tenantId: 'demo-hospital',
    ruleId: 'prm-mass-record-access',
    ruleTitle: 'One user read many unrelated patient records',
    severity: 'high',
    dedupKey: `sample|${randomUUID()}`,
    detectedAt: new Date().toISOString(),
    eventCount: 1,
    subject: { userId: 'user-7731' },
  };
}

/** `breachline alert [FILE]`: opens or feeds an incident from an alert in a JSON file, or a sample one. */
export function alertCommand(): Command {
  return new Command('alert')
    .description('Raise an alert (JSON file, or a sample without one) and print the incident it opened or joined')
    .argument('[file]', 'alert JSON')
    .action(async (file?: string) => {
      const raw: unknown = file ? JSON.parse(readFileSync(file, 'utf8')) : sampleAlert();
      const parsed = alertSchema.safeParse(raw);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || 'alert'}: ${issue.message}`);
        console.error(`Invalid alert:\n${problems.join('\n')}`);
        process.exitCode = 2;
        return;
      }

      const incidentId = await withClient((client, config) => raiseAlert(client, config, parsed.data));
      console.log(incidentId);
    });
}
