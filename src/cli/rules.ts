import { Command, InvalidArgumentError } from 'commander';
import ms from 'ms';
import { timestampSchema } from '../audit/event';
import { loadConfig } from '../config/load-config';
import {
  evaluateRules,
  FieldMappingError,
  formatProblem,
  type LoadedRules,
  loadFieldMapping,
  loadRules,
  type RuleMatch,
  SweepScopeError,
} from '../detection';
import { readExamples, runExamples } from '../detection/run-examples';
import { RuleExampleError } from '../detection/rule-examples';
import { openPglite } from '../store/database';
import { migrate } from '../store/migrate';
import { openStore } from '../store/open-store';

/**
 * `breachline rules check DIR...` validates Sigma rule files against the
 * field mapping and prints every problem as `file:line: reason` (exit 1
 * when there is any). `breachline rules run DIR... --since T` evaluates
 * the rules over stored events and prints the alerts they would raise,
 * starting no workflow: a tuning tool.
 */

interface CheckFlags {
  mapping?: string;
}

interface RunFlags extends CheckFlags {
  since: string;
  until?: string;
  tenant?: string;
  timeZone?: string;
  json?: boolean;
}

/** An ISO 8601 instant with an offset, or a duration (`24h`, `7d`) counted back from now. */
function instant(text: string): string {
  if (timestampSchema.safeParse(text).success) return text;
  const duration = /^\d+[smhdw]$/.test(text) ? ms(text as ms.StringValue) : undefined;
  if (duration === undefined) {
    throw new InvalidArgumentError(
      'Give a date and time with an offset (2026-11-02T08:00:00Z) or a duration (24h, 7d).',
    );
  }
  return new Date(Date.now() - duration).toISOString();
}

async function load(dirs: readonly string[], flags: CheckFlags): Promise<LoadedRules | undefined> {
  try {
    return await loadRules(dirs, loadFieldMapping(flags.mapping));
  } catch (error) {
    if (!(error instanceof FieldMappingError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return undefined;
  }
}

async function runCheck(dirs: string[], flags: CheckFlags): Promise<void> {
  const loaded = await load(dirs, flags);
  if (!loaded) return;

  for (const problem of loaded.problems) console.log(formatProblem(problem));
  const alerting = loaded.rules.filter((rule) => rule.alerts).length;
  console.log(
    `${loaded.files.length} file(s): ${loaded.rules.length} rule(s) loaded (${alerting} raising alerts), ` +
      `${loaded.problems.length} problem(s)`,
  );
  if (loaded.problems.length > 0) process.exitCode = 1;
}

function describeMatch(match: RuleMatch): string {
  const group = Object.entries(match.group).map(([field, value]) => `${field}=${value ?? 'null'}`);
  return (
    `${match.level.padEnd(13)} ${match.ruleTitle} (${match.ruleId})\n` +
    `${' '.repeat(14)}tenant ${match.tenantId}${group.length > 0 ? `, ${group.join(', ')}` : ''}, ` +
    `window ${match.window.start} .. ${match.window.end}, ${match.eventCount} event(s), dedup ${match.dedupKey.slice(0, 16)}`
  );
}

async function runRun(dirs: string[], flags: RunFlags): Promise<void> {
  const loaded = await load(dirs, flags);
  if (!loaded) return;
  for (const problem of loaded.problems) console.error(formatProblem(problem));
  if (loaded.problems.length > 0) process.exitCode = 1;

  const config = loadConfig();
  const db = await openStore(config);
  try {
    const scope = { since: flags.since, until: flags.until, tenantId: flags.tenant, timeZone: flags.timeZone };
    const matches = await evaluateRules(db, loaded, scope);
    if (flags.json) console.log(JSON.stringify(matches, null, 2));
    else {
      for (const match of matches) console.log(describeMatch(match));
      console.log(`${matches.length} alert(s) from ${loaded.rules.filter((rule) => rule.alerts).length} rule(s)`);
    }
  } catch (error) {
    if (!(error instanceof SweepScopeError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}

/**
 * `rules test`: every rule's examples, each in a tenant of its own, in a
 * fresh in-memory store (never the configured one: example events are
 * not audit evidence). Exit 1 when any example fails or a rule has none.
 */
async function runTest(dirs: string[], flags: CheckFlags): Promise<void> {
  const loaded = await load(dirs, flags);
  if (!loaded) return;
  for (const problem of loaded.problems) console.error(formatProblem(problem));
  if (loaded.problems.length > 0) process.exitCode = 1;

  const examples = await readExamples(loaded).catch((error: unknown) => {
    if (!(error instanceof RuleExampleError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
    return undefined;
  });
  if (!examples) return;
  const db = await openPglite();
  try {
    await migrate(db);
    const outcomes = await runExamples(db, loaded, examples);
    for (const { example, raised, passed } of outcomes) {
      const got = raised < 0 ? 'rule not loaded' : `${raised} alert(s)`;
      console.log(
        `${passed ? 'pass' : 'FAIL'}  ${example.ruleId}: ${example.name} (want ${example.alerts}, got ${got})`,
      );
    }
    const untested = loaded.rules.filter((rule) => rule.alerts && !examples.some((e) => e.ruleId === rule.id));
    for (const rule of untested) console.log(`FAIL  ${rule.id ?? rule.title}: has no examples`);
    const failed = outcomes.filter((outcome) => !outcome.passed).length + untested.length;
    console.log(`${outcomes.length - failed + untested.length} passed, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

export function rulesCommand(): Command {
  const rules = new Command('rules').description('Check and try Sigma detection rules');
  rules
    .command('check')
    .description('Validate rule files; print each problem as file:line: reason, exit 1 if there is any')
    .argument('<dir...>', 'rule files or directories (searched for .yml/.yaml)')
    .option('--mapping <file>', 'field mapping (default: src/detection/field-mapping.yaml)')
    .action(runCheck);
  rules
    .command('run')
    .description('Evaluate rules over stored events and print the alerts, starting no workflow')
    .argument('<dir...>', 'rule files or directories')
    .requiredOption('--since <time>', 'from this instant, or a duration back from now (24h, 7d)', instant)
    .option('--until <time>', 'before this instant, or a duration back from now', instant)
    .option('--tenant <tenantId>', 'only this tenant')
    .option('--time-zone <zone>', 'IANA zone for hour-of-day fields (default UTC)')
    .option('--mapping <file>', 'field mapping (default: src/detection/field-mapping.yaml)')
    .option('--json', 'print the alerts as JSON')
    .action(runRun);
  rules
    .command('test')
    .description("Run every alerting rule's own examples against a fresh in-memory store; exit 1 if any fails")
    .argument('<dir...>', 'rule files or directories')
    .option('--mapping <file>', 'field mapping (default: src/detection/field-mapping.yaml)')
    .action(runTest);
  return rules;
}
