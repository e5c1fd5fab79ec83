/**
 * A sitting's form spec, parsed once per process. A sitting's spec never changes after it is
 * created, and parsing it with zod on every check-in, handshake and snapshot of a storm of
 * thousands of candidates is measurable work.
 */
import { FormSpec } from './form.ts';

const MAX_SITTINGS = 2_000;
const parsed = new Map<string, FormSpec>();

export function formSpecOf(sittingId: string, raw: unknown): FormSpec {
  const cached = parsed.get(sittingId);
  if (cached) return cached;
  const spec = FormSpec.parse(raw);
  // Crude bound: a process that serves sitting after sitting starts over rather than growing.
  if (parsed.size >= MAX_SITTINGS) parsed.clear();
  parsed.set(sittingId, spec);
  return spec;
}
