/** Whether the engine refused a marker because the sitting's assigned marking team leaves them out. */
import { ApiError } from '../api.ts';

export const isNotAssignedMarker = (error: unknown): boolean =>
  error instanceof ApiError &&
  (error.details as { reason?: string } | undefined)?.reason === 'not_assigned_marker';
