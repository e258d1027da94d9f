import { Command, Option } from 'commander';
import { IncidentRole } from '../incidents/vocabulary';
import {
  getNotificationProgress,
  pauseNotification,
  resumeNotification,
  startNotification,
} from '../client/notification';
import type { NotificationProgress } from '../notification/progress';
import { readJson } from './read-json';
import { withClient } from './with-client';

/**
 * `breachline notify start|status|pause|resume ID`: notifying an incident's
 * affected individuals. Start asks the incident (privacy office or legal,
 * notification phase, population set); the rest talk to the fan-out
 * workflow, which prints counts only, never an individual.
 */

interface ActorFlags {
  as: string;
  role: IncidentRole;
  json?: boolean;
  reason?: string;
}

function print(progress: NotificationProgress, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(progress, null, 2));
    return;
  }
  const pause = progress.paused ? ` (paused by ${progress.paused.by} at ${progress.paused.at})` : '';
  console.log(`${progress.incidentId}  ${progress.state}${pause}  generation ${progress.generation}`);
  console.log(
    `  individuals  ${progress.total - progress.queued} of ${progress.total} done, ${progress.queued} queued`,
  );
  console.log(`  notices      sent ${progress.sent}, delivered ${progress.delivered}, failed ${progress.failed}`);
  console.log(`  fallen back to mail ${progress.fallenBack}; substitute notice ${progress.substituteNotice}`);
  console.log(`  deceased without a next-of-kin address ${progress.noNextOfKinAddress}`);
  for (const [channel, tally] of Object.entries(progress.channels)) {
    console.log(`  ${channel.padEnd(6)} sent ${tally.sent}, delivered ${tally.delivered}, failed ${tally.failed}`);
  }
}

function actorCommand(name: string, description: string, defaultRole: IncidentRole): Command {
  return new Command(name)
    .description(description)
    .requiredOption('--as <actorId>', 'who acts')
    .addOption(
      new Option('--role <role>', 'the role acted in').choices(Object.values(IncidentRole)).default(defaultRole),
    )
    .option('--json', 'print JSON');
}

export function notifyCommand(): Command {
  const notify = new Command('notify').description("Notify an incident's affected individuals; follow, pause, resume");

  notify.addCommand(
    actorCommand('start', 'Start notifying the population with the notice in NOTICE.json', IncidentRole.privacyOfficer)
      .argument('<incidentId>')
      .argument('<notice>', 'the notice facts (src/notification/notice-facts.ts)')
      .action((incidentId: string, file: string, flags: ActorFlags) =>
        withClient(async (client) => {
          const notice = await readJson(file);
          const status = await startNotification(client, incidentId, { actorId: flags.as, role: flags.role, notice });
          console.log(
            flags.json ? JSON.stringify(status.notification, null, 2) : `notification requested for ${incidentId}`,
          );
        }),
      ),
  );

  notify
    .command('status <incidentId>')
    .description('Individuals done and queued; notices sent, delivered, failed, fallen back')
    .option('--json', 'print JSON')
    .action((incidentId: string, flags: { json?: boolean }) =>
      withClient(async (client) => print(await getNotificationProgress(client, incidentId), flags.json ?? false)),
    );

  for (const [name, act] of [
    ['pause', pauseNotification],
    ['resume', resumeNotification],
  ] as const) {
    notify.addCommand(
      actorCommand(name, `${name === 'pause' ? 'Pause' : 'Resume'} the fan-out`, IncidentRole.legal)
        .argument('<incidentId>')
        .option('--reason <text>', 'why, kept with the workflow')
        .action((incidentId: string, flags: ActorFlags) =>
          withClient(async (client) => {
            const request = { actorId: flags.as, role: flags.role, ...(flags.reason ? { reason: flags.reason } : {}) };
            print(await act(client, incidentId, request), flags.json ?? false);
          }),
        ),
    );
  }

  return notify;
}
