import { createHash } from 'node:crypto';
import ms from 'ms';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { type AuditEventInput, timestampSchema } from '../audit/event';
import type { ReferenceListEntry } from './reference-lists';

/**
 * A rule's own examples, written beside it in its YAML document under the
 * custom attribute `examples` (Sigma allows custom attributes; breachline
 * reads this one only here). Each example is a small history of events,
 * with reference-list entries when the rule needs them, and the number of
 * alerts the rule must raise over it: 0 for a negative example.
 *
 * An event line gives only what differs from a plain chart read; `repeat`
 * with `every` writes a run of events, `{i}` in a text value being the
 * run's index (0-based).
 */

const durationSchema = z.string().refine((text) => /^\d+(ms|s|m|h|d)$/.test(text), 'must be a duration such as 30s');

const eventLineSchema = z
  .object({
    at: timestampSchema,
    repeat: z.number().int().min(1).max(1000).default(1),
    every: durationSchema.default('1s'),
  })
  .catchall(z.unknown());

const listEntrySchema = z
  .object({ value: z.string().min(1), from: timestampSchema.optional(), until: timestampSchema.optional() })
  .strict();

const exampleSchema = z
  .object({
    name: z.string().min(1).max(200),
    alerts: z.number().int().min(0),
    lists: z.record(z.string(), z.array(listEntrySchema)).default({}),
    events: z.array(eventLineSchema).min(1),
  })
  .strict();

export interface RuleExample {
  ruleId: string;
  file: string;
  name: string;
  alerts: number;
  events: AuditEventInput[];
  lists: Omit<ReferenceListEntry, 'tenantId'>[];
}

/** Thrown when a rule file's examples are malformed; names the file, the rule and every bad field. */
export class RuleExampleError extends Error {
  constructor(file: string, ruleId: string, problems: readonly string[]) {
    super(`Invalid examples for ${ruleId} in ${file}: ${problems.join('; ')}`);
    this.name = 'RuleExampleError';
  }
}

/** The examples of every document in a rule file's text that has an `id` and `examples`. */
export function readRuleExamples(file: string, text: string): RuleExample[] {
  const examples: RuleExample[] = [];
  for (const document of parseAllDocuments(text)) {
    if (!('toJS' in document)) continue;
    const root: unknown = document.toJS();
    if (typeof root !== 'object' || root === null || !('examples' in root)) continue;
    const { id, examples: raw } = root as { id?: unknown; examples: unknown };
    const ruleId = typeof id === 'string' ? id : '(no id)';
    const parsed = z.array(exampleSchema).min(1).safeParse(raw);
    if (!parsed.success) {
      throw new RuleExampleError(
        file,
        ruleId,
        parsed.error.issues.map((issue) => `examples.${issue.path.join('.')}: ${issue.message}`),
      );
    }
    examples.push(...parsed.data.map((example) => toExample(file, ruleId, example)));
  }
  return examples;
}

function toExample(file: string, ruleId: string, example: z.output<typeof exampleSchema>): RuleExample {
  const events = example.events.flatMap((line, lineIndex) =>
    expandLine(`${ruleId}/${example.name}/${lineIndex}`, line),
  );
  const lists = Object.entries(example.lists).flatMap(([listName, entries]) =>
    entries.map((entry) => ({ listName, value: entry.value, effectiveFrom: entry.from, effectiveUntil: entry.until })),
  );

  return { ruleId, file, name: example.name, alerts: example.alerts, events, lists };
}

function expandLine(label: string, line: z.output<typeof eventLineSchema>): AuditEventInput[] {
  const { at, repeat, every, ...fields } = line;
  const step = ms(every as ms.StringValue);
  const start = Date.parse(at);

  return Array.from({ length: repeat }, (_, i) => {
    const overrides = substitute(fields, i) as Partial<AuditEventInput>;
    const patient = 'patient_id' in overrides ? overrides.patient_id : 'pat-000001';
    return {
      id: uuidFor(`${label}/${i}`),
      occurred_at: new Date(start + i * step).toISOString(),
      tenant_id: 'examples',
      user_id: 'stf-0001',
      ip_address: '10.41.12.20',
      user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      action: 'read',
      resource_type: 'Patient',
      resource_id: patient,
      patient_id: patient,
      phi_accessed: true,
      outcome: 'success',
      details: { screen: 'chart-summary' },
      ...overrides,
    };
  });
}

function substitute(value: unknown, index: number): unknown {
  if (typeof value === 'string') return value.replaceAll('{i}', String(index).padStart(3, '0'));
  if (Array.isArray(value)) return value.map((item) => substitute(item, index));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, index)]));
  }
  return value;
}

/** A deterministic UUID (v4 layout) from a label, so re-running an example stores the same events. */
function uuidFor(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
