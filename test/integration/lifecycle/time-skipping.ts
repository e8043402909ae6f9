import { TestWorkflowEnvironment } from '@temporalio/testing';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../../infra/dev-stack/paths';

const START_ATTEMPTS = 3;

/**
 * Temporal's time-skipping test server (Java, fetched from Maven Central by infra/scripts/test-server.js): the
 * only way to let days pass in a test, so reminders, overdue decisions and escalations fire as in production.
 */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const executable = path.join(projectRoot(), '.vsoko', 'bin', 'temporal-test-server');
  if (!fs.existsSync(executable)) {
    throw new Error(`нет ${executable}: выполните node infra/scripts/test-server.js (нужны java и mvn)`);
  }
  // The SDK waits a fixed 5 s for the server's port; a JVM started while the machine is busy can miss it, and a
  // second start finds its classes in the page cache. Only that failure is retried.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: executable } },
      });
    } catch (error) {
      const slowStart = error instanceof Error && error.message.includes('did not start within');
      if (!slowStart || attempt === START_ATTEMPTS) throw error;
    }
  }
}
