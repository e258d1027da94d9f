import ipaddr from 'ipaddr.js';
import type { YamlNode } from './located-yaml';
import type { Report } from './rule-problem';
import type { Comparison, FieldMatch, MatchValue, Modifiers, Position } from './sigma-rule';

/**
 * One `field|modifier|...: value(s)` entry of a selection. Modifiers are
 * checked to make sense together and their values to suit them; the field
 * itself is checked against the mapping later, when its type is known.
 */

const POSITIONS = new Set<string>(['contains', 'startswith', 'endswith']);
const COMPARISONS = new Set<string>(['gt', 'gte', 'lt', 'lte']);
const REGEX_FLAGS = new Set<string>(['i', 'm', 's']);
/** Sigma modifiers breachline knows of but does not implement; each is refused by name. */
const UNSUPPORTED = new Set<string>([
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'windash',
  'fieldref',
  'neq',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
]);

export const PLACEHOLDER = /^%([A-Za-z0-9_.:-]{1,100})%$/;

export function parseFieldMatch(key: string, line: number, node: YamlNode, report: Report): FieldMatch | undefined {
  const [field = '', ...names] = key.split('|');
  if (field === '') {
    report(line, `keyword search ('${key}' without a field name) is not supported; match a named field`);
    return undefined;
  }
  const modifiers = parseModifiers(names, line, report);
  const values = valuesOf(node, line, report);
  if (!modifiers || !values) return undefined;

  const match = { field, line, modifiers, values };
  const problem = valueProblem(match);
  if (problem) report(line, `${field}: ${problem}`);

  return problem ? undefined : match;
}

function parseModifiers(names: readonly string[], line: number, report: Report): Modifiers | undefined {
  const modifiers: Modifiers = { all: false, cidr: false, exists: false, expand: false, cased: false };
  const state = { ok: true };
  const refuse = (reason: string): void => {
    report(line, reason);
    state.ok = false;
  };

  for (const name of names) {
    if (REGEX_FLAGS.has(name) && modifiers.regex) setRegexFlag(modifiers.regex, name);
    else if (REGEX_FLAGS.has(name)) refuse(`modifier '${name}' is only valid after 're'`);
    else if (POSITIONS.has(name) && modifiers.position) refuse(`'${name}' cannot follow '${modifiers.position}'`);
    else if (POSITIONS.has(name)) modifiers.position = name as Position;
    else if (COMPARISONS.has(name) && modifiers.comparison) refuse(`'${name}' cannot follow '${modifiers.comparison}'`);
    else if (COMPARISONS.has(name)) modifiers.comparison = name as Comparison;
    else if (name === 're') modifiers.regex = { insensitive: false, multiline: false, dotAll: false };
    else if (name === 'all' || name === 'cidr' || name === 'exists' || name === 'expand' || name === 'cased') {
      modifiers[name] = true;
    } else if (UNSUPPORTED.has(name)) refuse(`modifier '${name}' is not supported`);
    else refuse(`unknown modifier '${name}'`);
  }
  const clash = state.ok ? combinationProblem(modifiers) : undefined;
  if (clash) refuse(clash);

  return state.ok ? modifiers : undefined;
}

function setRegexFlag(regex: NonNullable<Modifiers['regex']>, flag: string): void {
  if (flag === 'i') regex.insensitive = true;
  if (flag === 'm') regex.multiline = true;
  if (flag === 's') regex.dotAll = true;
}

/** The modifiers that each stand alone, with the few that may join them. */
function combinationProblem(m: Modifiers): string | undefined {
  const kinds = [
    m.regex && 're',
    m.cidr && 'cidr',
    m.comparison,
    m.exists && 'exists',
    m.expand && 'expand',
    m.position,
  ].filter((kind): kind is string => Boolean(kind));
  const exclusive = kinds.filter((kind) => kind !== 'expand' && !POSITIONS.has(kind));
  if (exclusive.length > 1 || (exclusive.length === 1 && kinds.length > 1)) {
    return `modifiers ${kinds.map((kind) => `'${kind}'`).join(' and ')} cannot be combined`;
  }
  if (m.cased && (m.regex || m.cidr || m.comparison || m.exists)) return `'cased' only applies to string matching`;
  if (m.all && (m.exists || m.expand)) return `'all' cannot be combined with '${m.exists ? 'exists' : 'expand'}'`;

  return undefined;
}

function valuesOf(node: YamlNode, line: number, report: Report): MatchValue[] | undefined {
  const items = node.kind === 'seq' ? node.items : [node];
  const values: MatchValue[] = [];
  for (const item of items) {
    if (item.kind !== 'scalar') {
      report(item.line, 'a field value must be a string, number, boolean or null, not a nested map or list');
      return undefined;
    }
    values.push(item.value);
  }
  if (values.length === 0) {
    report(line, 'an empty list of values matches nothing; remove the field or give values');
    return undefined;
  }
  return values;
}

function valueProblem({ modifiers: m, values }: FieldMatch): string | undefined {
  if (values.includes(null) && (values.length > 1 || hasAnyModifier(m))) {
    return 'null must be the only value and takes no modifiers';
  }
  if (m.all && values.length < 2) return "'all' needs a list of at least two values";
  if (m.exists) {
    return values.length === 1 && typeof values[0] === 'boolean' ? undefined : "'exists' takes true or false";
  }
  for (const value of values) {
    const problem = singleValueProblem(m, value);
    if (problem) return problem;
  }
  return undefined;
}

function hasAnyModifier(m: Modifiers): boolean {
  return Boolean(m.position || m.regex || m.comparison || m.all || m.cidr || m.exists || m.expand || m.cased);
}

function singleValueProblem(m: Modifiers, value: MatchValue): string | undefined {
  if (value === null) return undefined;
  const text = String(value);
  if (m.regex) return regexProblem(text);
  if (m.cidr && !isCidr(text)) return `'${text}' is not a CIDR range such as 10.0.0.0/8 or 2001:db8::/32`;
  if (m.comparison && typeof value === 'boolean') return `'${m.comparison}' needs a number or a date and time`;
  if (m.expand && !PLACEHOLDER.test(text)) {
    return "with 'expand' each value must be one whole placeholder such as '%terminated_accounts%'";
  }
  return undefined;
}

/**
 * PostgreSQL runs the pattern; JavaScript checks it first so a broken
 * pattern is reported when the rule is read rather than failing a sweep.
 * The two dialects agree on the subset Sigma allows (PCRE basics).
 */
function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch {
    return 'the regular expression does not compile';
  }
}

function isCidr(text: string): boolean {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}
