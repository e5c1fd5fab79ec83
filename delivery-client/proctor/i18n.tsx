/** The proctor dashboard's message catalogues (see shared/create-i18n.tsx). */
import { createI18n } from '../shared/create-i18n.tsx';
import { proctorEn } from './messages-en.ts';
import { proctorVi, type ProctorMessageKey } from './messages-vi.ts';

const proctorI18n = createI18n<ProctorMessageKey>(proctorVi, proctorEn);
export const ProctorI18nProvider = proctorI18n.I18nProvider;
export const useT = proctorI18n.useI18n;
export type { ProctorMessageKey };
