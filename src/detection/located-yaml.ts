import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';

/**
 * YAML read into a small tree that remembers the line of every key and
 * value, so each problem in a rule can be reported as `file:line: reason`.
 * Aliases are resolved; tags and comments are dropped.
 */

export type YamlScalarValue = string | number | boolean | null;

export interface YamlScalar {
  kind: 'scalar';
  value: YamlScalarValue;
  line: number;
}

export interface YamlEntry {
  key: string;
  line: number;
  value: YamlNode;
}

export interface YamlMap {
  kind: 'map';
  entries: YamlEntry[];
  line: number;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  line: number;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

export interface YamlDocument {
  /** The first line of the document's content. */
  line: number;
  root: YamlNode | undefined;
}

export interface YamlProblem {
  line: number;
  reason: string;
}

export interface ParsedYaml {
  documents: YamlDocument[];
  problems: YamlProblem[];
}

/** Every document of a (possibly multi-document) YAML text, or the syntax problems that stop it being read. */
export function parseYamlDocuments(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const problems = docs.flatMap((doc) =>
    doc.errors.map((error) => ({ line: error.linePos?.[0].line ?? 1, reason: firstLine(error.message) })),
  );
  if (problems.length > 0) return { documents: [], problems };

  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const documents = docs.map((doc) => {
    const contents = doc.contents;
    return { line: lineOf(contents), root: contents ? toTree(contents, lineOf, (n) => n.resolve(doc)) : undefined };
  });

  return { documents, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

type Resolve = (alias: Extract<Node, { source: string }>) => Node | undefined;

function toTree(node: Node, lineOf: (node: Node | null | undefined) => number, resolve: Resolve): YamlNode {
  if (isAlias(node)) {
    const target = resolve(node);
    return target ? toTree(target, lineOf, resolve) : { kind: 'scalar', value: null, line: lineOf(node) };
  }
  if (isMap(node)) {
    const entries = node.items.map((pair) => {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const keyText = isScalar(key) ? String(key.value) : '';
      const child: YamlNode = value
        ? toTree(value, lineOf, resolve)
        : { kind: 'scalar', value: null, line: lineOf(key) };
      return { key: keyText, line: lineOf(key), value: child };
    });
    return { kind: 'map', entries, line: lineOf(node) };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => toTree(item as Node, lineOf, resolve));
    return { kind: 'seq', items, line: lineOf(node) };
  }
  return { kind: 'scalar', value: scalarValue(isScalar(node) ? node.value : null), line: lineOf(node) };
}

function scalarValue(value: unknown): YamlScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A big integer (yaml's intAsBigInt is off, so only odd tags produce these) keeps its digits as text.
  return typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
}

/** The entry named `key` in a map, if present. */
export function entryOf(map: YamlMap, key: string): YamlEntry | undefined {
  return map.entries.find((entry) => entry.key === key);
}

/** A scalar as text (numbers and booleans spelled as YAML wrote them), or undefined for maps, lists and null. */
export function scalarText(node: YamlNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}
