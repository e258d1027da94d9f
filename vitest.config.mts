import { defineConfig } from 'vitest/config';

// Each test file runs in its own process (forks), because the Temporal
// runtime is a per-process singleton. Two files at a time suits 2-core CI.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Generous for a loaded two-core machine: the longest workflow tests take 20-30 s there.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
