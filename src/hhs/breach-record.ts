import { DateTime } from 'luxon';
import { z } from 'zod';
import { usJurisdictions } from '../obligations/facts';
import {
  breachLocationTerms,
  breachTypeTerms,
  coveredEntityTypeTerms,
  inFormOrder,
  termByLabel,
} from './form-vocabulary';

/**
 * One row of OCR's public breach listing ("Cases Currently Under
 * Investigation" or the Archive), checked and mapped onto the form's
 * vocabularies. Every problem in a row is reported, each as a fixed sentence
 * naming the column, so refusals group well and carry no data beyond a
 * vocabulary term.
 */

/** The listing's column headers, keyed by the field each fills. */
export const HhsColumn = {
  entityName: 'Name of Covered Entity',
  state: 'State',
  entityType: 'Covered Entity Type',
  individualsAffected: 'Individuals Affected',
  submittedOn: 'Breach Submission Date',
  breachTypes: 'Type of Breach',
  locations: 'Location of Breached Information',
  businessAssociatePresent: 'Business Associate Present',
  description: 'Web Description',
} as const;
export type HhsField = keyof typeof HhsColumn;

const required = z.string().trim().min(1, 'is empty');

function oneOf<T extends string>(terms: Readonly<Record<T, { label: string }>>, what: string) {
  return required.transform((text, ctx) => {
    const value = termByLabel(terms, text);
    if (value === undefined) ctx.addIssue({ code: 'custom', message: `is not ${what} the form lists` });
    return value ?? z.NEVER;
  });
}

/** A multi-valued cell ("Email, Network Server"): the form's labels contain no commas, so a comma separates. */
function listOf<T extends string>(terms: Readonly<Record<T, { label: string }>>, what: string) {
  return required.transform((text, ctx) => {
    const parts = text.split(',').map((part) => part.trim());
    // The unknown part is not quoted: a refusal names the column and position, never the cell's text.
    const unknown = parts.flatMap((part, index) => (termByLabel(terms, part) === undefined ? [index + 1] : []));
    for (const item of unknown)
      ctx.addIssue({ code: 'custom', message: `item ${item} of ${parts.length} is not ${what} the form lists` });
    if (unknown.length > 0) return z.NEVER;

    return inFormOrder(
      terms,
      parts.map((part) => termByLabel(terms, part) as T),
    );
  });
}

const count = required.transform((text, ctx) => {
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'is not a whole number' });
    return z.NEVER;
  }
  const n = Number(text.replaceAll(',', ''));
  if (n < 1) ctx.addIssue({ code: 'custom', message: 'is 0: a breach report counts at least one individual' });

  return n;
});

const usDate = required.transform((text, ctx) => {
  const date = DateTime.fromFormat(text, 'MM/dd/yyyy', { zone: 'UTC' });
  if (!date.isValid) ctx.addIssue({ code: 'custom', message: 'is not a date written MM/DD/YYYY' });
  return date.toISODate() ?? z.NEVER;
});

const yesNo = required.transform((text, ctx) => {
  const answer = text.toLowerCase();
  if (answer !== 'yes' && answer !== 'no') ctx.addIssue({ code: 'custom', message: 'is neither Yes nor No' });
  return answer === 'yes';
});

const rowSchema = z.object({
  entityName: required,
  state: required
    .transform((code) => `US-${code.toUpperCase()}`)
    .pipe(z.enum(usJurisdictions, { error: 'is not the code of a US state, DC or territory' })),
  entityType: oneOf(coveredEntityTypeTerms, 'a covered entity type'),
  individualsAffected: count,
  /** The day OCR received the report, as a civil date (YYYY-MM-DD). */
  submittedOn: usDate,
  breachTypes: listOf(breachTypeTerms, 'a type of breach'),
  locations: listOf(breachLocationTerms, 'a location'),
  businessAssociatePresent: yesNo,
  description: z.string().trim(),
});

/** Where a row is in its file, so a refusal can be found without quoting the row. */
export interface RowPosition {
  /** The data row's number, counted from 1 after the header. */
  row: number;
  /** The line of the file the row starts on, counted from 1 by line feeds (as `grep -n` counts). */
  line: number;
}

export type HhsBreachRecord = z.output<typeof rowSchema> & RowPosition;

export interface RefusedRow extends RowPosition {
  /** One sentence per problem, each naming its column: `State is empty`. */
  reasons: string[];
}

export type RowOutcome = { record: HhsBreachRecord } | { refused: RefusedRow };

/** Checks one row given as its cells by field. */
export function checkBreachRow(cells: Readonly<Record<HhsField, string>>, position: RowPosition): RowOutcome {
  const parsed = rowSchema.safeParse(cells);
  if (parsed.success) return { record: { ...parsed.data, ...position } };

  const reasons = parsed.error.issues.map((issue) => {
    const field = issue.path[0] as HhsField;
    return `${HhsColumn[field]} ${issue.message}`;
  });

  return { refused: { ...position, reasons } };
}
