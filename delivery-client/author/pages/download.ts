/** Downloads a staff file (PDF, XLSX, ZIP) with the bearer token and hands it to the browser as a file. */
import { fetchWithSession } from '../../shared/api/staff-session.ts';
import { ApiError, session } from '../api.ts';

export async function download(path: string, filename: string): Promise<void> {
  const response = await fetchWithSession(session, new Request(`/api${path}`));
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
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
