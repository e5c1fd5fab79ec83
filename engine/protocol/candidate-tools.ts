/**
 * On-screen tools a sitting's security policy may allow the candidate (e.g. a calculator for a
 * mathematics paper). The engine sends the allowed list in the session snapshot; the candidate
 * client shows only those of them it has.
 */
import { z } from 'zod';

// No dictionary: the engine has no dictionary content to serve, so a sitting cannot promise one.
export const CANDIDATE_TOOLS = ['calculator', 'scratchpad', 'ruler', 'protractor'] as const;

export const CandidateTool = z.enum(CANDIDATE_TOOLS);
export type CandidateTool = z.infer<typeof CandidateTool>;

/** The tools a sitting allows, from its stored security policy (unknown names are dropped, none by default). */
export function allowedTools(securityPolicy: unknown): CandidateTool[] {
  const listed = (securityPolicy as { tools?: unknown } | null)?.tools;
  if (!Array.isArray(listed)) return [];
  return CANDIDATE_TOOLS.filter((tool) => listed.includes(tool));
}
