import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file of a sibling module given without extension: `.ts` when running
 * from source (tsx, vitest), `.js` when compiled. Temporal loads workflows and
 * the failure converter by path, and `require.resolve` does not know `.ts`
 * under every runner.
 */
export function modulePath(directory: string, name: string): string {
  for (const extension of ['.ts', '.js']) {
    const candidate = join(directory, `${name}${extension}`);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`Module ${name} not found in ${directory}`);
}
