import type { CreateResult } from '../../../contract/envelopes';

export function createdResult(id: string, remoteId: string, now = new Date()): CreateResult {
  return {
    statusCode: 201,
    message: 'Record created successfully.',
    timestamp: now.toISOString(),
    data: { id, remote_id: remoteId },
  };
}
