import { Command } from 'commander';
import { TokenRequestError } from '../api/tokens';
import { RequestRefusedError } from '../client/incidents';
import { ConfigError } from '../config/load-config';
import { PlaybookError } from '../containment/load-playbook';
import { GenerateOptionsError } from '../generate/options';
import { InputFileError } from '../audit/read-records';
import { ObligationInputError } from '../obligations';
import { StoreLockedError } from '../store/database';
import { TemporalBinaryError } from '../temporal/binaries';
import { alertCommand } from './alert';
import { apiCommand } from './api';
import { auditCommand, ingestCommand } from './audit';
import { runDemo } from './demo/run-demo';
import { runDev } from './dev';
import { draftsCommand } from './drafts';
import { evidenceCommand } from './evidence';
import { generateCommand } from './generate';
import { hhsCommand } from './hhs';
import { incidentsCommand } from './incidents';
import { notifyCommand } from './notify';
import { rulesCommand } from './rules';
import { listsCommand } from './lists';
import { ReferenceListFileError } from '../detection/reference-list-file';
import { obligationsCommand } from './obligations';
import { prmSimulatorCommand } from './prm-simulator';
import { runTools } from './tools';
import { twilioFakeCommand } from './twilio-fake';
import { runWorker } from './worker';
import { TemporalUnreachableError } from './with-client';

const program = new Command()
  .name('breachline')
  .description('Incident response and breach notification for PHI access, on Temporal')
  .showHelpAfterError();

program
  .command('dev')
  .description('Run Temporal (dev server with Web UI), the worker and a local mail sink until Ctrl-C')
  .action(runDev);

program.command('worker').description('Run a worker against the Temporal server at TEMPORAL_ADDRESS').action(runWorker);

program
  .command('demo')
  .description('Run the main job end to end: an alert opens an incident, escalation pages, a responder acts')
  .option('--keep', 'leave the stack running afterwards, until Ctrl-C')
  .action(runDemo);

program.addCommand(alertCommand());
program.addCommand(ingestCommand());
program.addCommand(generateCommand());
program.addCommand(auditCommand());
program.addCommand(incidentsCommand());
program.addCommand(rulesCommand());
program.addCommand(listsCommand());
program.addCommand(apiCommand());
program.addCommand(obligationsCommand());
program.addCommand(prmSimulatorCommand());
program.addCommand(twilioFakeCommand());
program.addCommand(evidenceCommand());
program.addCommand(hhsCommand());
program.addCommand(draftsCommand());
program.addCommand(notifyCommand());

program
  .command('tools')
  .description('Find or install the Temporal CLI and test server, and print where they are')
  .action(runTools);

/** Known failures print their message only: no stack traces for people to wade through. */
function reportAndExit(error: unknown): void {
  const known = [
    ConfigError,
    TemporalBinaryError,
    RequestRefusedError,
    GenerateOptionsError,
    InputFileError,
    StoreLockedError,
    ObligationInputError,
    PlaybookError,
    TokenRequestError,
    TemporalUnreachableError,
    ReferenceListFileError,
  ];
  if (error instanceof Error && known.some((kind) => error instanceof kind)) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`breachline: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

program.parseAsync(process.argv).catch(reportAndExit);
