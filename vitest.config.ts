import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Plain TypeScript modules of the web app (no components) are unit-tested like the server's. */
const webAlias = { $shared: fileURLToPath(new URL('./shared', import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/src/lib/**/*.test.ts'],
          environment: 'node',
        },
        resolve: { alias: webAlias },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // One FerretDB for the run; files run one at a time on this 2-core machine.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          globalSetup: ['tests/helpers/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
