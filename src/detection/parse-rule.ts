import { entryOf, scalarText, type YamlDocument, type YamlMap } from './located-yaml';
import { type ParsedCorrelation, parseCorrelation } from './parse-correlation';
import { type Detection, parseDetection } from './parse-detection';
import type { Report } from './rule-problem';
import { type Logsource, type RuleSource, SigmaLevel } from './sigma-rule';

/**
 * One YAML document → one rule, detection or correlation, with its
 * metadata checked. Custom attributes are allowed (Sigma permits them);
 * attributes that would change matching but are not supported (v1 rule
 * collections, Sigma filters) are refused by name.
 */

export interface ParsedMeta {
  source: RuleSource;
  id: string | undefined;
  name: string | undefined;
  title: string;
  status: string | undefined;
  description: string | undefined;
  level: SigmaLevel;
  tags: string[];
  /** The top-level `generate` attribute of a correlation rule. */
  generate: boolean;
}

export type ParsedRule =
  | (ParsedMeta & { kind: 'detection'; logsource: Logsource; logsourceLine: number; detection: Detection })
  | (ParsedMeta & { kind: 'correlation'; correlation: ParsedCorrelation });

const STATUSES = new Set(['stable', 'test', 'experimental', 'deprecated', 'unsupported']);
const LEVELS = new Set<string>(Object.values(SigmaLevel));
/** Sigma says rules without a level are of unknown criticality; medium keeps them visible without paging anyone. */
const DEFAULT_LEVEL = SigmaLevel.medium;

export function parseRule(document: YamlDocument, file: string, report: Report): ParsedRule | undefined {
  const root = document.root;
  if (root?.kind !== 'map') {
    report(document.line, 'a rule document must be a map of attributes');
    return undefined;
  }
  if (refuseUnsupportedForm(root, report)) return undefined;

  const meta = parseMeta(root, { file, line: document.line }, report);
  const detection = entryOf(root, 'detection');
  const correlation = entryOf(root, 'correlation');
  if (detection && correlation) {
    report(correlation.line, 'a document holds either detection or correlation, not both');
    return undefined;
  }
  if (correlation) {
    const parsed = parseCorrelation(correlation.value, report);
    return meta && parsed ? { ...meta, kind: 'correlation', correlation: parsed } : undefined;
  }
  if (!detection) {
    report(document.line, 'the document has neither detection nor correlation');
    return undefined;
  }

  const logsource = parseLogsource(root, report);
  const parsed = parseDetection(detection.value, report);
  if (!meta || !logsource || !parsed) return undefined;

  return {
    ...meta,
    kind: 'detection',
    logsource,
    logsourceLine: entryOf(root, 'logsource')?.line ?? 0,
    detection: parsed,
  };
}

function refuseUnsupportedForm(root: YamlMap, report: Report): boolean {
  const action = entryOf(root, 'action');
  if (action) {
    const kind = scalarText(action.value) ?? '?';
    report(action.line, `Sigma v1 rule collections (action: ${kind}) are not supported; write each rule whole`);
  }
  const filter = entryOf(root, 'filter');
  if (filter) report(filter.line, 'Sigma filters (a filter document) are not supported; put the exclusion in the rule');

  return Boolean(action ?? filter);
}

function parseMeta(root: YamlMap, source: RuleSource, report: Report): ParsedMeta | undefined {
  let ok = true;
  const text = (key: string, max = 65_535): string | undefined => {
    const entry = entryOf(root, key);
    if (!entry) return undefined;
    const value = scalarText(entry.value);
    if (value !== undefined && value.length <= max) return value;
    report(entry.line, `${key} must be a string of at most ${max} characters`);
    ok = false;
    return undefined;
  };

  const title = text('title', 256);
  if (title === undefined && !entryOf(root, 'title')) {
    report(source.line, 'title is required');
    ok = false;
  }
  const status = text('status');
  if (status !== undefined && !STATUSES.has(status)) {
    report(entryOf(root, 'status')?.line ?? source.line, `unknown status '${status}'`);
    ok = false;
  }
  if (status === 'unsupported') {
    report(entryOf(root, 'status')?.line ?? source.line, "status 'unsupported' marks a rule that cannot be used as is");
    ok = false;
  }
  const level = text('level') ?? DEFAULT_LEVEL;
  if (!LEVELS.has(level)) {
    report(entryOf(root, 'level')?.line ?? source.line, `unknown level '${level}'`);
    ok = false;
  }
  const tags = parseTags(root, report);
  const generate = parseGenerate(root, report);
  const id = text('id', 200);
  const name = text('name', 200);
  const description = text('description');
  if (!ok || title === undefined || !tags || generate === undefined) return undefined;

  return { source, id, name, title, status, description, level: level as SigmaLevel, tags, generate };
}

function parseTags(root: YamlMap, report: Report): string[] | undefined {
  const entry = entryOf(root, 'tags');
  if (!entry) return [];
  const items = entry.value.kind === 'seq' ? entry.value.items : [];
  const tags = items.map((item) => scalarText(item));
  if (entry.value.kind !== 'seq' || tags.some((tag) => tag === undefined)) {
    report(entry.line, 'tags must be a list of strings');
    return undefined;
  }
  return tags as string[];
}

function parseGenerate(root: YamlMap, report: Report): boolean | undefined {
  const entry = entryOf(root, 'generate');
  if (!entry) return false;
  if (entry.value.kind === 'scalar' && typeof entry.value.value === 'boolean') return entry.value.value;
  report(entry.line, 'generate must be true or false');
  return undefined;
}

function parseLogsource(root: YamlMap, report: Report): Logsource | undefined {
  const entry = entryOf(root, 'logsource');
  if (entry?.value.kind !== 'map') {
    report(entry?.line ?? root.line, 'logsource is required and must be a map (category, product, service)');
    return undefined;
  }
  const logsource: Record<string, string> = {};
  for (const item of entry.value.entries) {
    const value = scalarText(item.value);
    if (value === undefined) {
      report(item.line, `logsource ${item.key} must be a string`);
      return undefined;
    }
    logsource[item.key] = value;
  }
  return logsource;
}
