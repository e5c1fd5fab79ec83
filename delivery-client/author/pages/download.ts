/** Downloads a staff file (PDF, XLSX, ZIP) with the bearer token and hands it to the browser as a file. */
import { fetchWithSession } from '../../shared/api/staff-session.ts';
import { ApiError, session } from '../api.ts';

/** A staff request the typed client does not make (a file up or down), refused as the API's errors are. */
export async function staffRequest(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetchWithSession(session, new Request(`/api${path}`, init));
  if (!response.ok) {
    const data = (await response.json().catch(() => ({}))) as {
      error?: { id: string; message: string; details?: unknown };
    };
    throw new ApiError(
      response.status,
      data.error?.id ?? 'error',
      data.error?.message ?? response.statusText,
      data.error?.details,
    );
  }
  return response;
}

/** Hands bytes to the browser as a file to save. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function download(path: string, filename: string): Promise<void> {
  saveFile(await (await staffRequest(path)).blob(), filename);
}
