/** The authoring pages' message catalogues (see shared/create-i18n.tsx). */
import { createI18n } from '../shared/create-i18n.tsx';
import { authorEn } from '../shared/messages/author-en.ts';
import { authorVi, type AuthorMessageKey } from '../shared/messages/author-vi.ts';

export type { Language } from '../shared/create-i18n.tsx';
const authorI18n = createI18n<AuthorMessageKey>(authorVi, authorEn);
export const AuthorI18nProvider = authorI18n.I18nProvider;
export const useT = authorI18n.useI18n;
export type { AuthorMessageKey };
