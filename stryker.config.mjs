// Mutation testing: `npm run mutate`. Slow, so it is not part of `npm test`; see docs/mutation-testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vite.config.ts' },
  mutate: ['src/domain/**/*.ts', 'src/features/**/*-controller.ts'],
  // The machine is shared: two workers at most.
  concurrency: 2,
  // Re-runs only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: '.stryker/incremental.json',
  tempDirName: '.stryker/tmp',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: '.stryker/report.html' },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 90, low: 85, break: 85 },
  timeoutMS: 10000,
};
