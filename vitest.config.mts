import { defineConfig } from 'vitest/config';

// Each test file runs in its own process (forks), because the Temporal
// runtime is a per-process singleton. Two files at a time suits 2-core CI.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
