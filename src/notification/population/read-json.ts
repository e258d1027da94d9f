import { type RecordProblem, PopulationImportError, toRecordProblems } from './import-problems';
import { type Individual, individualSchema } from './individual';
import { duplicateIds } from './read-csv';

function idOf(record: unknown): unknown {
  return typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
}

/** A population JSON file: an array of individuals in the shape of individualSchema. */
export function readPopulationJson(content: string, source = 'population JSON'): Individual[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new PopulationImportError(source, [{ row: 0, field: '(file)', problem: 'is not valid JSON' }]);
  }
  if (!Array.isArray(parsed)) {
    throw new PopulationImportError(source, [{ row: 0, field: '(file)', problem: 'must be an array of individuals' }]);
  }

  const individuals: Individual[] = [];
  const problems: RecordProblem[] = [];
  parsed.forEach((record: unknown, index) => {
    const result = individualSchema.safeParse(record);
    if (!result.success) return problems.push(...toRecordProblems(index + 1, result.error));
    return individuals.push(result.data);
  });
  problems.push(...duplicateIds(parsed.map((record: unknown, index) => [index + 1, idOf(record)])));
  if (problems.length) throw new PopulationImportError(source, problems);

  return individuals;
}
