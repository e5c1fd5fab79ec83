/**
 * A problem that keeps the editor from building the item, as a message key and its parameters, so the
 * preview shows it in the page's language with what to do (never a raw English or JSON error).
 */
import type { ItemEditorMessageKey } from '../messages/item-editor-vi.ts';

export class BuildProblem extends Error {
  constructor(
    readonly key: ItemEditorMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}
