import type { YamlNode } from './located-yaml';

/** The plain JavaScript value of a located YAML tree, for schema validation. */
export function toPlain(node: YamlNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.entries.map((entry) => [entry.key, toPlain(entry.value)]));
  }
}

/** The line of the deepest node on `path` (map keys and list indices) that exists. */
export function lineAt(root: YamlNode, path: readonly (string | number)[]): number {
  let node = root;
  let line = root.line;
  for (const part of path) {
    const next = childOf(node, part);
    if (!next) break;
    line = next.line;
    node = next.node;
  }
  return line;
}

function childOf(node: YamlNode, part: string | number): { node: YamlNode; line: number } | undefined {
  if (node.kind === 'seq' && typeof part === 'number') {
    const item = node.items[part];
    return item ? { node: item, line: item.line } : undefined;
  }
  if (node.kind === 'map') {
    const entry = node.entries.find((candidate) => candidate.key === String(part));
    return entry ? { node: entry.value, line: entry.line } : undefined;
  }
  return undefined;
}
