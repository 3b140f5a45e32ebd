import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';
import { markTestFileDone, SUITE_LOG_DIR_ENV } from './suite-log';

/**
 * jest's node environment, which also notes when a test file is done (after
 * its `afterAll`s closed its stacks, so its log lines are written), for the
 * whole suite's log check (`suite-log.ts`).
 */
export default class SuiteLogEnvironment extends NodeEnvironment {
  private readonly testPath: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testPath = context.testPath;
  }

  override async teardown(): Promise<void> {
    await super.teardown();
    const dir = process.env[SUITE_LOG_DIR_ENV];
    if (dir) markTestFileDone(dir, this.testPath);
  }
}
