import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base so the built site works when served from any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // No source maps in the deployed files: they doubled what dist/ holds, and nothing reads them.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically is one chunk: otherwise Rolldown splits the modules it
        // shares with the parts loaded later (src/panels/shared/lazyPart.ts) into extra chunks the page
        // must fetch before its first paint anyway, and each compresses worse alone.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the CI machine has two cores.
          fileParallelism: false,
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Page benchmarks: the built site timed in Chromium (npm run bench:frames), never part of npm test.
        extends: true,
        test: {
          name: 'page-bench',
          include: ['tests/bench/**/*.page.ts'],
          environment: 'node',
          fileParallelism: false,
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
