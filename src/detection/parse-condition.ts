import type { Condition } from './sigma-rule';

/**
 * Sigma's condition language: `and`, `or`, `not`, parentheses, and
 * `1 of` / `all of` over a name pattern (`*` wildcards) or `them`.
 * Precedence from loosest to tightest: or, and, not, `x of`, parentheses.
 * The obsolete v1 aggregations (`| count() by ...`, `near`) are refused by
 * name: correlation rules replace them.
 */

export class ConditionError extends Error {}

type Token = { kind: 'open' } | { kind: 'close' } | { kind: 'word'; text: string };

export function parseCondition(text: string, selections: readonly string[]): Condition {
  if (text.includes('|')) {
    throw new ConditionError("aggregation expressions ('| count() ...') are not supported; write a correlation rule");
  }
  const parser = new ConditionParser(tokenize(text), selections);
  const condition = parser.orExpression();
  parser.expectEnd();

  return condition;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const piece of text.split(/(\(|\)|\s+)/)) {
    if (piece === '(') tokens.push({ kind: 'open' });
    else if (piece === ')') tokens.push({ kind: 'close' });
    else if (piece.trim() !== '') tokens.push({ kind: 'word', text: piece });
  }
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all']);

class ConditionParser {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly selections: readonly string[],
  ) {}

  orExpression(): Condition {
    const operands = [this.andExpression()];
    while (this.acceptWord('or')) operands.push(this.andExpression());
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'or', operands };
  }

  expectEnd(): void {
    const token = this.tokens[this.position];
    if (token) throw new ConditionError(`unexpected ${describe(token)} in condition`);
  }

  private andExpression(): Condition {
    const operands = [this.notExpression()];
    while (this.acceptWord('and')) operands.push(this.notExpression());
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'and', operands };
  }

  private notExpression(): Condition {
    if (this.acceptWord('not')) return { kind: 'not', operand: this.notExpression() };
    return this.primary();
  }

  private primary(): Condition {
    const token = this.tokens[this.position++];
    if (!token) throw new ConditionError('condition ends where a search identifier was expected');
    if (token.kind === 'open') {
      const inner = this.orExpression();
      if (this.tokens[this.position++]?.kind !== 'close') throw new ConditionError('missing ) in condition');
      return inner;
    }
    if (token.kind === 'close') throw new ConditionError('unexpected ) in condition');

    const word = token.text.toLowerCase();
    if (word === 'near') throw new ConditionError("'near' is not supported; write a temporal correlation rule");
    if (this.peekWord('of')) return this.quantified(word);
    if (KEYWORDS.has(word)) throw new ConditionError(`unexpected '${token.text}' in condition`);

    return this.selection(token.text);
  }

  private quantified(quantifier: string): Condition {
    this.position++;
    if (quantifier !== '1' && quantifier !== 'all') {
      throw new ConditionError(`'${quantifier} of' is not supported; only '1 of' and 'all of' are`);
    }
    const target = this.tokens[this.position++];
    if (target?.kind !== 'word')
      throw new ConditionError(`'${quantifier} of' must be followed by a name pattern or 'them'`);

    const names = this.namesFor(target.text);
    return { kind: 'of', quantifier: quantifier === '1' ? 'one' : 'all', names };
  }

  private namesFor(pattern: string): string[] {
    if (pattern.toLowerCase() === 'them') {
      const names = this.selections.filter((name) => !name.startsWith('_'));
      if (names.length === 0) throw new ConditionError("'them' matches no search identifier");
      return names;
    }
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
    const names = this.selections.filter((name) => regex.test(name));
    if (names.length === 0) throw new ConditionError(`'${pattern}' matches no search identifier in detection`);

    return names;
  }

  private selection(name: string): Condition {
    if (name.includes('*')) throw new ConditionError(`pattern '${name}' needs '1 of' or 'all of' before it`);
    if (!this.selections.includes(name)) {
      throw new ConditionError(`condition names '${name}', which is not a search identifier in detection`);
    }
    return { kind: 'selection', name };
  }

  private acceptWord(word: string): boolean {
    if (!this.peekWord(word)) return false;
    this.position++;
    return true;
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }
}

function describe(token: Token): string {
  return token.kind === 'word' ? `'${token.text}'` : token.kind === 'open' ? '(' : ')';
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
