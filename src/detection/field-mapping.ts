import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { auditColumnNames, auditColumns, type AuditColumn, type FieldType, isAuditColumn } from './audit-columns';
import { type YamlNode, parseYamlDocuments } from './located-yaml';
import { toPlain, lineAt } from './yaml-plain';
import { parseTimespan } from './timespan';

/**
 * Where each Sigma field name lives in the audit store: a column of
 * audit_events, a key of its `details` JSON (typed, so comparisons cast
 * safely), or a derived field computed in code from the user's history
 * or the tenant's reference data.
 * Also which logsources the mapping covers, which `%placeholders%` name
 * reference lists, and the window that groups a plain rule's matches.
 * A rule that uses a field not named here is refused with the field named.
 */

export const DEFAULT_FIELD_MAPPING_PATH = join(__dirname, 'field-mapping.yaml');

export const DerivedFieldName = {
  networkNewForUser: 'network_new_for_user',
  hourUnusualForUser: 'hour_unusual_for_user',
  patientNewForUser: 'patient_new_for_user',
  userInCareTeam: 'user_in_care_team',
} as const;
export type DerivedFieldName = (typeof DerivedFieldName)[keyof typeof DerivedFieldName];

export type DerivedField =
  | { name: typeof DerivedFieldName.networkNewForUser; lookbackDays: number }
  | { name: typeof DerivedFieldName.patientNewForUser; lookbackDays: number; settleDays: number }
  | { name: typeof DerivedFieldName.hourUnusualForUser; lookbackDays: number; spreadHours: number }
  | { name: typeof DerivedFieldName.userInCareTeam; listPrefix: string };

/** The derived fields read from the user's own history (the rest are looked up in reference data). */
export type HistoryField = Exclude<DerivedField, { name: typeof DerivedFieldName.userInCareTeam }>;

export function isHistoryField(field: DerivedField): field is HistoryField {
  return field.name !== DerivedFieldName.userInCareTeam;
}

export type FieldTarget =
  | { kind: 'column'; column: AuditColumn; type: FieldType; nullable: boolean; lowercase?: true }
  | { kind: 'details'; key: string; type: 'text' | 'number' | 'boolean' }
  | { kind: 'derived'; derived: DerivedField };

/** A logsource the mapping covers: a rule matches when every key given here has the same value in the rule. */
export type LogsourcePattern = Readonly<Record<string, string>>;

export interface FieldMapping {
  file: string;
  fields: ReadonlyMap<string, FieldTarget>;
  placeholders: ReadonlySet<string>;
  /** Absent: every logsource is accepted. */
  logsources: readonly LogsourcePattern[] | undefined;
  /** Plain (non-correlation) rules: matches of one user in one such window make one alert. */
  alertWindowSeconds: number;
}

export interface MappingProblem {
  line: number;
  reason: string;
}

/** Thrown when a field-mapping file cannot be used; names every bad entry with its line. */
export class FieldMappingError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly MappingProblem[],
  ) {
    super(`Invalid field mapping ${file}:\n${problems.map((p) => `  ${file}:${p.line}: ${p.reason}`).join('\n')}`);
    this.name = 'FieldMappingError';
  }
}

const keyPattern = /^[A-Za-z0-9_.:-]{1,100}$/;
const detailsKey = z.string().regex(keyPattern, 'must be 1-100 letters, digits, or . _ : -');
const listName = detailsKey;

const fieldSchema = z.union([
  z.string().refine((text) => isAuditColumn(text) || (text.startsWith('details.') && keyPattern.test(text.slice(8))), {
    error: `must be a column (${auditColumnNames.join(', ')}) or details.<key>`,
  }),
  z.object({ column: z.enum(auditColumnNames) }).strict(),
  z.object({ details: detailsKey, type: z.enum(['text', 'number', 'boolean']).default('text') }).strict(),
]);

const lookbackDays = z.number().int().min(1).max(366);

const mappingSchema = z
  .object({
    logsources: z
      .array(z.partialRecord(z.enum(['category', 'product', 'service']), z.string().min(1)))
      .min(1)
      .optional(),
    alertWindow: z
      .string()
      .refine((text) => parseTimespan(text) !== undefined, 'must be a timespan such as 30m, 1h or 1d')
      .default('1h'),
    fields: z.record(z.string().min(1), fieldSchema),
    derived: z
      .object({
        network_new_for_user: z.object({ lookbackDays }).strict().optional(),
        patient_new_for_user: z
          .object({ lookbackDays, settleDays: z.number().int().min(0).max(30) })
          .strict()
          .optional(),
        hour_unusual_for_user: z
          .object({ lookbackDays, spreadHours: z.number().int().min(0).max(11) })
          .strict()
          .optional(),
        user_in_care_team: z.object({ listPrefix: listName }).strict().optional(),
      })
      .strict()
      .default({}),
    placeholders: z.array(listName).default([]),
  })
  .strict();

type MappingFile = z.output<typeof mappingSchema>;

export function loadFieldMapping(file = DEFAULT_FIELD_MAPPING_PATH): FieldMapping {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new FieldMappingError(file, [{ line: 1, reason: `cannot read the file (${code})` }]);
  }
  return parseFieldMapping(text, file);
}

export function parseFieldMapping(text: string, file: string): FieldMapping {
  const parsed = parseYamlDocuments(text);
  if (parsed.problems.length > 0) throw new FieldMappingError(file, parsed.problems);
  const root = parsed.documents[0]?.root;
  if (parsed.documents.length !== 1 || !root) {
    throw new FieldMappingError(file, [{ line: 1, reason: 'must hold exactly one YAML document' }]);
  }

  const result = mappingSchema.safeParse(toPlain(root));
  if (!result.success)
    throw new FieldMappingError(
      file,
      result.error.issues.map((issue) => located(root, issue)),
    );

  return build(result.data, file, root);
}

function located(root: YamlNode, issue: z.core.$ZodIssue): MappingProblem {
  const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  const reason = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message;

  return { line: lineAt(root, path), reason: `${where}${reason}` };
}

function build(data: MappingFile, file: string, root: YamlNode): FieldMapping {
  const fields = new Map<string, FieldTarget>();
  for (const [name, spec] of Object.entries(data.fields)) fields.set(name, targetOf(spec));

  const clashes: MappingProblem[] = [];
  for (const [name, settings] of Object.entries(data.derived)) {
    if (fields.has(name)) clashes.push({ line: lineAt(root, ['derived', name]), reason: `${name} is also in fields` });
    fields.set(name, { kind: 'derived', derived: { name, ...settings } as DerivedField });
  }
  if (clashes.length > 0) throw new FieldMappingError(file, clashes);

  return {
    file,
    fields,
    placeholders: new Set(data.placeholders),
    logsources: data.logsources,
    alertWindowSeconds: parseTimespan(data.alertWindow) ?? 3600,
  };
}

function targetOf(spec: z.output<typeof fieldSchema>): FieldTarget {
  if (typeof spec === 'string') {
    return isAuditColumn(spec) ? columnTarget(spec) : { kind: 'details', key: spec.slice(8), type: 'text' };
  }
  return 'column' in spec ? columnTarget(spec.column) : { kind: 'details', key: spec.details, type: spec.type };
}

function columnTarget(column: AuditColumn): FieldTarget {
  return { kind: 'column', column, ...auditColumns[column] };
}
