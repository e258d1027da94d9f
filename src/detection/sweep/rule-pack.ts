import { join } from 'node:path';
import type { Config } from '../../config/schema';
import type { Logger } from '../../logging/logger';
import type { RuleSet } from '../evaluate-rules';
import { loadFieldMapping } from '../field-mapping';
import { loadRules } from '../load-rules';

/** The PRM rule pack shipped in rules/prm. */
export const DEFAULT_RULES_DIR = join(__dirname, '..', '..', '..', 'rules', 'prm');

/**
 * The rules the sweeper runs, loaded once when the worker starts. A rule
 * with problems is left out and named in the log (by file and line), so one
 * bad file does not stop detection by the others; `breachline rules check`
 * shows the same problems before deployment.
 */
export async function loadSweepRules(config: Readonly<Config>, logger: Logger): Promise<RuleSet> {
  const loaded = await loadRules(
    config.detection.rules ?? [DEFAULT_RULES_DIR],
    loadFieldMapping(config.detection.mapping),
  );
  for (const problem of loaded.problems) {
    logger.warn({ file: problem.file, line: problem.line, reason: problem.reason }, 'Detection rule left out');
  }
  logger.info({ rules: loaded.rules.filter((rule) => rule.alerts).length }, 'Detection rules loaded');

  return { rules: loaded.rules, mapping: loaded.mapping };
}
