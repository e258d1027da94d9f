/** One thing wrong with a rule file, reported as `file:line: reason`. Reasons name fields and features, never event data. */
export interface RuleProblem {
  file: string;
  line: number;
  reason: string;
}

export function formatProblem(problem: RuleProblem): string {
  return `${problem.file}:${problem.line}: ${problem.reason}`;
}

/** Collects the problems of one document; `report` is handed to each parsing step. */
export type Report = (line: number, reason: string) => void;
