/** The authoring pages' message catalogues (see shared/create-i18n.tsx), with the blueprint, exam board, item editor, marking and import preview pages' own. */
import { createI18n } from '../shared/create-i18n.tsx';
import { authorEn } from '../shared/messages/author-en.ts';
import { authorVi, type AuthorMessageKey as SharedKey } from '../shared/messages/author-vi.ts';
import { bankEn } from './messages/bank-en.ts';
import { bankVi, type BankMessageKey } from './messages/bank-vi.ts';
import { calibrationEn } from './messages/calibration-en.ts';
import { centresEn } from './messages/centres-en.ts';
import { centresVi, type CentresMessageKey } from './messages/centres-vi.ts';
import { calibrationVi, type CalibrationMessageKey } from './messages/calibration-vi.ts';
import { boardEn } from './messages/board-en.ts';
import { boardVi, type BoardMessageKey } from './messages/board-vi.ts';
import { boardSittingEn } from './messages/board-sitting-en.ts';
import { boardSittingVi, type BoardSittingMessageKey } from './messages/board-sitting-vi.ts';
import { importPreviewEn } from './messages/import-preview-en.ts';
import { importPreviewVi, type ImportPreviewMessageKey } from './messages/import-preview-vi.ts';
import { itemEditorEn } from './messages/item-editor-en.ts';
import { itemEditorVi, type ItemEditorMessageKey } from './messages/item-editor-vi.ts';
import { markingEn } from './messages/marking-en.ts';
import { markingVi, type MarkingMessageKey } from './messages/marking-vi.ts';
import { refusalEn } from './messages/refusal-en.ts';
import { refusalVi, type RefusalMessageKey } from './messages/refusal-vi.ts';

export type { Language } from '../shared/create-i18n.tsx';
type AuthorMessageKey =
  | SharedKey
  | BoardMessageKey
  | BoardSittingMessageKey
  | ItemEditorMessageKey
  | MarkingMessageKey
  | ImportPreviewMessageKey
  | BankMessageKey
  | RefusalMessageKey
  | CalibrationMessageKey
  | CentresMessageKey;
/** Every authoring message in both languages (tests check wording against them). */
export const authorCatalogues = {
  vi: {
    ...authorVi,
    ...boardVi,
    ...boardSittingVi,
    ...itemEditorVi,
    ...markingVi,
    ...importPreviewVi,
    ...bankVi,
    ...refusalVi,
    ...calibrationVi,
    ...centresVi,
  },
  en: {
    ...authorEn,
    ...boardEn,
    ...boardSittingEn,
    ...itemEditorEn,
    ...markingEn,
    ...importPreviewEn,
    ...bankEn,
    ...refusalEn,
    ...calibrationEn,
    ...centresEn,
  },
} satisfies Record<'vi' | 'en', Record<AuthorMessageKey, string>>;
const authorI18n = createI18n<AuthorMessageKey>(authorCatalogues.vi, authorCatalogues.en);
export const AuthorI18nProvider = authorI18n.I18nProvider;
export const useT = authorI18n.useI18n;
export type { AuthorMessageKey };
