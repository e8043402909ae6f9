import { TestWorkflowEnvironment } from '@temporalio/testing';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../../infra/dev-stack/paths';

/**
 * Temporal's time-skipping test server (Java, fetched from Maven Central by infra/scripts/test-server.js): the
 * only way to let days pass in a test, so reminders, overdue decisions and escalations fire as in production.
 */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const executable = path.join(projectRoot(), '.vsoko', 'bin', 'temporal-test-server');
  if (!fs.existsSync(executable)) {
    throw new Error(`нет ${executable}: выполните node infra/scripts/test-server.js (нужны java и mvn)`);
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: executable } },
  });
}
