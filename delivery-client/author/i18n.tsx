/** The authoring pages' message catalogues (see shared/create-i18n.tsx), with the blueprint, exam board and item editor pages' own. */
import { createI18n } from '../shared/create-i18n.tsx';
import { authorEn } from '../shared/messages/author-en.ts';
import { authorVi, type AuthorMessageKey as SharedKey } from '../shared/messages/author-vi.ts';
import { boardEn } from './messages/board-en.ts';
import { boardVi, type BoardMessageKey } from './messages/board-vi.ts';
import { itemEditorEn } from './messages/item-editor-en.ts';
import { itemEditorVi, type ItemEditorMessageKey } from './messages/item-editor-vi.ts';

export type { Language } from '../shared/create-i18n.tsx';
type AuthorMessageKey = SharedKey | BoardMessageKey | ItemEditorMessageKey;
const authorI18n = createI18n<AuthorMessageKey>(
  { ...authorVi, ...boardVi, ...itemEditorVi },
  { ...authorEn, ...boardEn, ...itemEditorEn },
);
export const AuthorI18nProvider = authorI18n.I18nProvider;
export const useT = authorI18n.useI18n;
export type { AuthorMessageKey };
