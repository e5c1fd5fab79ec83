/**
 * Every refusal an authoring page can meet, worded in the page's language: a coded bank refusal by its
 * `details.code` (engine/bank/refusal-codes.ts), else by the error's id (engine/platform/errors.ts and the
 * capabilities' own), else a fallback naming the status. The engine's English sentence is shown to no one
 * reading Vietnamese; in English it may complete a general message.
 */
import type { Language, Translate } from '../../shared/create-i18n.tsx';
import { ApiError } from '../api.ts';
import { authorCatalogues, type AuthorMessageKey } from '../i18n.tsx';

type T = Translate<AuthorMessageKey>;

/** Bank refusal codes worded by the bank dialogs' own messages (they name the bank and its owner). */
const BANK_DIALOG_CODES = new Set([
  'bank_read_only',
  'bank_outside',
  'bank_share_owner_only',
  'share_not_needed',
]);

const hasKey = (key: string): key is AuthorMessageKey => key in authorCatalogues.vi;

/** The message key for a refusal's code or id, or undefined when this client has none for it. */
export function refusalKey(refusal: { id: string; code?: string }): AuthorMessageKey | undefined {
  const { id, code } = refusal;
  if (code && BANK_DIALOG_CODES.has(code)) return `bk.err.${code}` as AuthorMessageKey;
  if (code && hasKey(`rf.code.${code}`)) return `rf.code.${code}` as AuthorMessageKey;
  if (hasKey(`rf.id.${id}`)) return `rf.id.${id}` as AuthorMessageKey;
  return undefined;
}

/** The values a refusal's message may name: the details' plain fields, as text. */
function valuesOf(error: ApiError, lang: Language): Record<string, string | number> {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const values: Record<string, string | number> = { status: error.status, message: error.message };
  for (const [name, value] of Object.entries(details))
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  // Sentences the engine wrote in both languages (code tasks that may only be practised).
  const detail = lang === 'en' ? details.messageEn : details.messageVi;
  values.detail = typeof detail === 'string' ? detail : '';
  for (const name of ['bank', 'organisation', 'name', 'identifier', 'field', 'file', 'room'])
    values[name] ??= '';
  return values;
}

/** A translator of the authoring messages for one language, outside React (problem lists carry both). */
export function translatorFor(lang: Language): T {
  const catalogue = authorCatalogues[lang] as Record<AuthorMessageKey, string>;
  return (key, values) =>
    (catalogue[key] ?? authorCatalogues.vi[key]).replace(/\{(\w+)\}/g, (_, name: string) =>
      String(values?.[name] ?? `{${name}}`),
    );
}

/** A refusal as an editor's problem line, worded in both languages. */
export function refusalProblem(error: unknown): {
  severity: 'error';
  code: string;
  message: string;
  messageEn: string;
} {
  return {
    severity: 'error',
    code: error instanceof ApiError ? error.id : 'error',
    message: describeRefusal(translatorFor('vi'), error, 'vi'),
    messageEn: describeRefusal(translatorFor('en'), error, 'en'),
  };
}

/** A refusal (or a failed request) in the page's language, with what to do next. */
export function describeRefusal(t: T, error: unknown, lang: Language = 'vi'): string {
  if (!(error instanceof ApiError))
    return error instanceof TypeError ? t('rf.network') : t('rf.other', { status: '–' });
  const code = (error.details as { code?: unknown } | undefined)?.code;
  const key = refusalKey({ id: error.id, code: typeof code === 'string' ? code : undefined });
  if (!key) return t('rf.other', { status: error.status });
  return t(key, valuesOf(error, lang));
}
