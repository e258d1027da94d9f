import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { MetRequest, ObligationsStatus } from '../obligations/tracking';
import {
  obligationsStatusQuery,
  recordObligationMetUpdate,
  trackObligationsWorkflowId,
} from '../../workflows/obligation-messages';
import { RequestRefusedError } from './incidents';

/**
 * Legal's side of an incident's obligations, on the tracking workflow the
 * incident started once its breach facts were set. It outlives the incident,
 * so these work on closed incidents too.
 */

export async function getObligationsStatus(client: Client, incidentId: string): Promise<ObligationsStatus> {
  try {
    return await client.workflow.getHandle(trackObligationsWorkflowId(incidentId)).query(obligationsStatusQuery);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    throw new RequestRefusedError(
      incidentId,
      'status',
      `No obligations are tracked for ${incidentId}: set its breach facts first`,
    );
  }
}

/** Records a notice as given; the tracker refuses an unknown obligation, a second record or a date out of range. */
export async function recordObligationMet(
  client: Client,
  incidentId: string,
  request: MetRequest,
): Promise<ObligationsStatus> {
  const handle = client.workflow.getHandle(trackObligationsWorkflowId(incidentId));
  try {
    return await handle.executeUpdate(recordObligationMetUpdate, { args: [request] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new RequestRefusedError(incidentId, 'recordObligationMet', error.cause?.message ?? 'refused');
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new RequestRefusedError(incidentId, 'recordObligationMet', `No obligations are tracked for ${incidentId}`);
    }
    throw error;
  }
}
