import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FieldMapping } from './field-mapping';
import { linkRules } from './link-rules';
import { parseYamlDocuments } from './located-yaml';
import { type ParsedRule, parseRule } from './parse-rule';
import type { RuleProblem } from './rule-problem';
import type { Rule } from './sigma-rule';

/**
 * Reads Sigma rule files (`.yml`/`.yaml`, directories searched
 * recursively, multi-document files allowed) into rules ready to compile,
 * and every problem found on the way, each with file and line. A file
 * with problems still lets the other files load; a rule with any problem
 * is left out whole.
 */

export interface LoadedRules {
  rules: Rule[];
  problems: RuleProblem[];
  mapping: FieldMapping;
  /** The rule files read, in the order read. */
  files: string[];
}

export interface RuleText {
  file: string;
  text: string;
}

export async function loadRules(paths: string | readonly string[], mapping: FieldMapping): Promise<LoadedRules> {
  const problems: RuleProblem[] = [];
  const files: string[] = [];
  for (const path of typeof paths === 'string' ? [paths] : paths) files.push(...(await ruleFiles(path, problems)));

  const texts: RuleText[] = [];
  for (const file of files) {
    try {
      texts.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      problems.push({
        file,
        line: 1,
        reason: `cannot read the file (${(error as { code?: string }).code ?? 'error'})`,
      });
    }
  }
  const loaded = parseRuleTexts(texts, mapping);

  return { ...loaded, problems: [...problems, ...loaded.problems], files };
}

/** The same as loadRules for rule texts already in memory (tests, rule packs, an API). */
export function parseRuleTexts(texts: readonly RuleText[], mapping: FieldMapping): LoadedRules {
  const problems: RuleProblem[] = [];
  const parsed: ParsedRule[] = [];
  for (const { file, text } of texts) parsed.push(...parseFile(file, text, problems));
  const rules = linkRules(parsed, mapping, problems);
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);

  return { rules, problems, mapping, files: texts.map((text) => text.file) };
}

function parseFile(file: string, text: string, problems: RuleProblem[]): ParsedRule[] {
  const report = (line: number, reason: string): void => void problems.push({ file, line, reason });
  const yaml = parseYamlDocuments(text);
  for (const problem of yaml.problems) report(problem.line, `YAML: ${problem.reason}`);

  const documents = yaml.documents.filter((document) => document.root !== undefined);
  if (yaml.problems.length === 0 && documents.length === 0) report(1, 'the file holds no rule');

  return documents.map((document) => parseRule(document, file, report)).filter((rule) => rule !== undefined);
}

async function ruleFiles(path: string, problems: RuleProblem[]): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    problems.push({ file: path, line: 1, reason: 'no such file or directory' });
    return [];
  }
  if (!info.isDirectory()) return [path];

  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && ['.yml', '.yaml'].includes(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
