/** Safe Exam Browser for one sitting: its settings, .seb file and the check of a request against them. */
import type { sittings } from '../tables.ts';
import { configKeyOf, sebFile, sittingSebSettings } from './seb-config.ts';
import { verifySebHeaders } from './seb-verify.ts';

type Sitting = Pick<typeof sittings.$inferSelect, 'id' | 'securityPolicy'>;

interface SebSecurityPolicy {
  safeExamBrowser?: boolean;
  browserExamKeys?: string[];
  sebQuitPassword?: string;
}

const policyOf = (sitting: Sitting) => (sitting.securityPolicy ?? {}) as SebSecurityPolicy;

export const sebRequired = (sitting: Sitting) => Boolean(policyOf(sitting).safeExamBrowser);

/** The page SEB opens: the candidate app of this engine, for this sitting. */
export const sebStartUrl = (origin: string, sittingId: string) => `${origin}/candidate/?sitting=${sittingId}`;

export function sittingSebFile(sitting: Sitting, origin: string): { file: string; configKey: string } {
  const settings = sittingSebSettings({
    startUrl: sebStartUrl(origin, sitting.id),
    quitPassword: policyOf(sitting).sebQuitPassword,
    quitUrl: `${origin}/candidate/done`,
  });
  return { file: sebFile(settings), configKey: configKeyOf(settings) };
}

export function sebRequestAllowed(
  sitting: Sitting,
  origin: string,
  url: string,
  headers: { configKeyHash?: string; requestHash?: string },
) {
  const { configKey } = sittingSebFile(sitting, origin);
  return verifySebHeaders(url, headers, {
    configKeys: [configKey],
    browserExamKeys: policyOf(sitting).browserExamKeys ?? [],
  });
}
