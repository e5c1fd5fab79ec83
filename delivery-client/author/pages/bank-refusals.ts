/**
 * The engine's refusals about item banks in the page's language: bank routes send `details.code` with
 * the bank's and organisation's names beside their Vietnamese sentence; the pages word them here and
 * never show a raw English server message.
 */
import type { Translate } from '../../shared/create-i18n.tsx';
import { ApiError, type Problem } from '../api.ts';
import type { AuthorMessageKey } from '../i18n.tsx';
import { describeRefusal, refusalKey, refusalProblem } from './refusals.ts';

type T = Translate<AuthorMessageKey>;

/** A coded bank refusal in the page's language, or undefined when the error is not one. */
export function bankRefusal(t: T, error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const code = (error.details as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !refusalKey({ id: error.id, code })) return undefined;
  return describeRefusal(t, error);
}

/** Any refusal of the bank dialogs, worded: coded ones first, then by status. */
export function describeBankError(t: T, error: unknown, context: { name?: string } = {}): string {
  const coded = bankRefusal(t, error);
  if (coded) return coded;
  if (!(error instanceof ApiError)) return describeRefusal(t, error);
  if (error.status === 409) return t('bk.err.nameTaken', { name: context.name ?? '' });
  if (error.status === 400 && /^name:/.test(error.message)) return t('bk.err.nameEmpty');
  if (error.status === 403) return t('bk.err.forbidden');
  if (error.status === 404) return t('bk.err.notFound');
  return describeRefusal(t, error);
}

/**
 * What an editor lists under "Cần sửa" for a refused request: the engine's own problems (with file and
 * line) when it sent them, else the refusal worded in both languages (describeRefusal), never the
 * engine's English sentence alone.
 */
export function refusalProblems(_t: T, error: ApiError): Problem[] {
  const listed = (error.details as { problems?: Problem[] } | undefined)?.problems;
  if (listed?.length) return listed;
  return [refusalProblem(error)];
}
