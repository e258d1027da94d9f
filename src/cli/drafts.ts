import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { timestampSchema } from '../audit/event';
import { DraftInputError } from '../drafts/draft-marking';
import { DraftFileError, parseNarrativeFile, parseOrganisationFile } from '../drafts/draft-input-files';
import { incidentDrafts, type IncidentDrafts } from '../drafts/incident-drafts';
import type { HhsIncidentProfileInput } from '../hhs/incident-profile';
import { GdprRisk, ObligationInputError, computeObligations, parseIncidentFacts } from '../obligations';
import { readJson } from './read-json';

/**
 * `breachline drafts FACTS.json --org ORG.json`: computes the obligations
 * and writes a text draft of every notice that has one (HHS report, state
 * regulator letters, media notices, GDPR Art. 33 notifications) for legal to
 * approve. Nothing is sent. Exit code 2 when an input file cannot be used.
 */

interface DraftsFlags {
  org: string;
  narrative?: string;
  profile?: string;
  gdprRisk: GdprRisk;
  asOf?: string;
  out: string;
}

function preparedAt(flags: DraftsFlags): string {
  if (flags.asOf === undefined) return new Date().toISOString();
  if (!timestampSchema.safeParse(flags.asOf).success) {
    throw new ObligationInputError('command options', [
      '--as-of: must be an ISO 8601 date and time with an offset (Z or ±hh:mm)',
    ]);
  }

  return flags.asOf;
}

async function planDrafts(factsFile: string, flags: DraftsFlags): Promise<IncidentDrafts> {
  const asOf = preparedAt(flags);
  const facts = parseIncidentFacts(await readJson(factsFile));
  const organisation = parseOrganisationFile(await readJson(flags.org));
  const narrative = flags.narrative === undefined ? undefined : parseNarrativeFile(await readJson(flags.narrative));
  // The HHS report draft checks the profile itself and names every field it cannot take.
  const hhsProfile = flags.profile === undefined ? undefined : await readJson(flags.profile);

  const { obligations } = computeObligations(facts, { gdprRisk: flags.gdprRisk });

  return incidentDrafts({
    facts,
    obligations,
    organisation,
    gdprRisk: flags.gdprRisk,
    preparedAt: asOf,
    ...(narrative === undefined ? {} : { narrative }),
    ...(hhsProfile === undefined ? {} : { hhsProfile: hhsProfile as HhsIncidentProfileInput }),
  });
}

async function writeDrafts(planned: IncidentDrafts, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const draft of planned.drafts) await writeFile(join(dir, draft.fileName), draft.text, 'utf8');

  const width = Math.max(0, ...planned.drafts.map((draft) => draft.fileName.length));
  console.log(`Wrote ${planned.drafts.length} draft(s) to ${dir}, for legal to approve; nothing was sent:`);
  for (const draft of planned.drafts) console.log(`  ${draft.fileName.padEnd(width)}  ${draft.obligationId}`);
  if (planned.notDrafted.length > 0) console.log('\nNot drafted:');
  for (const { obligationId, reason } of planned.notDrafted) console.log(`  ${obligationId}: ${reason}`);
}

async function runDrafts(factsFile: string, flags: DraftsFlags): Promise<void> {
  try {
    await writeDrafts(await planDrafts(factsFile, flags), flags.out);
  } catch (error) {
    if (!(error instanceof DraftFileError || error instanceof DraftInputError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}

export function draftsCommand(): Command {
  return new Command('drafts')
    .description('Write text drafts of the notices owed (HHS report, state regulators, media, GDPR Art. 33) for legal')
    .argument('<facts>', 'incident facts, a JSON file')
    .requiredOption('--org <file>', 'the organisation: name, address, contact, website, toll-free phone, DPO (JSON)')
    .option('--narrative <file>', 'what happened, measures taken, steps for individuals, GDPR details (JSON)')
    .option('--profile <file>', 'the OCR form profile the HHS report needs (JSON)')
    .addOption(
      new Option('--gdpr-risk <level>', 'GDPR risk assessment').choices(Object.values(GdprRisk)).default('risk'),
    )
    .option('--as-of <time>', 'when the drafts are prepared, ISO 8601 with offset (default now); dates late Art. 33')
    .option('--out <dir>', 'the folder to write the drafts to', 'drafts')
    .action(runDrafts);
}
