/**
 * ts-node only transpiles this file: type-checking it cost every jest run ≈ 4 s of CPU (18 s on a busy
 * machine), and jest validates the options it reads anyway.
 * @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "CommonJS", "target": "ES2023"}}
 */
import type { Config } from 'jest';

/** One jest project per workspace, each with its display name; sources are tested directly (no build needed). */
const workspaces = [
  'packages/config',
  'packages/errors',
  'packages/calendar',
  'packages/identity',
  'packages/db',
  'packages/server',
  'packages/testing',
  'packages/family-directory',
  'packages/history',
  'packages/audit',
  'services/family',
  'services/employment',
  'services/health',
  'services/economy',
  'services/reminders',
  'gateway',
  'packages/devstack',
];

const base: Config = {
  // jest's node environment, noting each test file's end for the whole suite's log check.
  testEnvironment: '<rootDir>/../../packages/testing/src/suite-log/environment.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.test.json' }] },
  moduleNameMapper: {
    '^@helhed/(config|errors|calendar|identity|db|server|testing|devstack|family-directory|history|audit)$':
      '<rootDir>/../../packages/$1/src',
    '^@helhed/(family|employment|health|economy|reminders)$': '<rootDir>/../../services/$1/src',
    '^@helhed/gateway$': '<rootDir>/../../gateway/src',
  },
  testMatch: ['<rootDir>/src/**/*.test.ts'],
};

const config: Config = {
  // A global option: jest ignores testTimeout inside a project, and hooks (starting a stack) share it.
  testTimeout: 60_000,
  // One worker per core. jest's default (one less) runs a 2-core machine's suite in a single process, while
  // the files spend much of their time waiting for PostgreSQL and the subgraphs' requests.
  maxWorkers: '100%',
  // The whole suite's log check (packages/testing/src/suite-log) runs last, over every other file's log lines.
  testSequencer: '<rootDir>/packages/testing/jest/log-check-sequencer.mjs',
  // The run's test databases are dropped together at its end (packages/testing/src/database.ts, `beginTestRun`).
  globalSetup: '<rootDir>/packages/testing/src/test-run/global-setup.ts',
  globalTeardown: '<rootDir>/packages/testing/src/test-run/global-teardown.ts',
  projects: workspaces.map((dir) => {
    const depth = dir.split('/').length;
    const up = depth === 1 ? '..' : '../..';
    const rewrite = (s: string) => s.replace('<rootDir>/../..', `<rootDir>/${up}`);
    return {
      ...base,
      displayName: dir.split('/').pop(),
      rootDir: `<rootDir>/${dir}`,
      testEnvironment: rewrite(base.testEnvironment!),
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: rewrite('<rootDir>/../../tsconfig.test.json') }] },
      moduleNameMapper: Object.fromEntries(
        Object.entries(base.moduleNameMapper ?? {}).map(([k, v]) => [k, rewrite(v as string)]),
      ),
    } as Config;
  }) as Config['projects'],
};

export default config;
