/** Asks the engine for a PCI frame of one of the candidate's items (the frame URL holds its own ticket). */
import { candidateApi, ok } from '../../api.ts';
import { loadSession } from '../../session-storage.ts';

export async function openPciFrame(itemRef: string, responseIdentifier: string): Promise<string> {
  const token = loadSession()?.token;
  if (!token) throw new Error('No exam session on this device.');
  const { src } = await ok(
    candidateApi(token).POST('/api/candidate/pci/frames', { body: { itemRef, responseIdentifier } }),
  );
  return src;
}
