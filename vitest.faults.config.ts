import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the fault suite, one file at a time (each kills parts of its own stack). */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['tests/faults/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
