/** The candidate app's message catalogues (see create-i18n.tsx). */
import { createI18n } from './create-i18n.tsx';
import { en } from './messages/en.ts';
import { vi, type MessageKey } from './messages/vi.ts';

export type { Language } from './create-i18n.tsx';
export const { I18nProvider, useI18n } = createI18n<MessageKey>(vi, en);
export type { MessageKey };
