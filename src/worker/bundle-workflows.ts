import { join } from 'node:path';
import type { LogLevel, LogMetadata } from '@temporalio/common';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundle } from '@temporalio/worker';
import type { Logger } from '../logging/logger';
import { PinoTemporalLogger } from '../logging/temporal-logger';
import { modulePath } from '../temporal/module-path';

export const WORKFLOWS_PATH = modulePath(join(__dirname, '..', '..', 'workflows'), 'index');
const FAILURE_CONVERTER_PATH = modulePath(join(__dirname, '..', 'temporal'), 'failure-converter');

/**
 * Bundles the workflow code with webpack. Only the bundler's warnings and
 * errors are passed on: its info output is a multi-line module report that
 * would drown the operator's log.
 */
export function bundleWorkflows(logger: Logger): Promise<WorkflowBundle> {
  const forward = new PinoTemporalLogger(logger.child({ component: 'workflow-bundler' }));
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger(
      'WARN',
      ({ level, message, meta }: { level: LogLevel; message: string; meta?: LogMetadata }) =>
        forward.log(level, message, meta),
    ),
  });
}
