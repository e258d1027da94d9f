import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type Playbook, playbookSchema } from './playbook';

/** The playbook breachline ships: one entry per detection rule it ships. */
export const DEFAULT_PLAYBOOK_FILE = join(__dirname, 'playbooks.yaml');

/** Thrown when a playbook cannot be used; names the file and every bad entry, by rule and position. */
export class PlaybookError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Containment playbook ${file} is not usable:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PlaybookError';
  }
}

function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown setting(s): ${issue.keys.join(', ')}`;

  // A bad rule id: zod says only "Invalid key"; the reason is in the key's own issues.
  if (issue.code === 'invalid_key') return issue.issues.map((inner) => inner.message).join('; ');

  return issue.message;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.map(String).join('.') || '(top level)'}: ${problemOf(issue)}`;
}

/** Parses and validates playbook YAML; `file` only names the source in errors. */
export function parsePlaybook(text: string, file: string): Playbook {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'unreadable') : 'unreadable';
    throw new PlaybookError(file, [`not valid YAML: ${reason}`]);
  }

  const result = playbookSchema.safeParse(parsed);
  if (!result.success) throw new PlaybookError(file, result.error.issues.map(describeIssue));

  return result.data;
}

export function loadPlaybookFile(file: string = DEFAULT_PLAYBOOK_FILE): Playbook {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new PlaybookError(file, [`cannot read the file (${code})`]);
  }
  return parsePlaybook(text, file);
}
