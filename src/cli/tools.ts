import { ensureTemporalBinaries } from '../temporal/binaries';

export function runTools(): void {
  const binaries = ensureTemporalBinaries(process.env, (line) => console.error(line));
  console.log(`export TEMPORAL_CLI=${binaries.cli}`);
  console.log(`export TEMPORAL_TEST_SERVER=${binaries.testServer}`);
}
