/** The tools of the snapshot that this client has (the engine may allow more kinds than it offers). */
import { CandidateTool, type SessionSnapshot } from '../../../../engine/client.ts';

export const OFFERED_TOOLS = ['calculator', 'scratchpad', 'ruler', 'protractor'] as const;
export type OfferedTool = (typeof OFFERED_TOOLS)[number];

export function offeredTools(snapshot: SessionSnapshot | undefined): OfferedTool[] {
  const listed = (snapshot as { tools?: unknown } | undefined)?.tools;
  if (!Array.isArray(listed)) return [];
  const allowed = listed.filter((t) => CandidateTool.safeParse(t).success);
  return OFFERED_TOOLS.filter((tool) => allowed.includes(tool));
}
