/**
 * The scheduling form's security part (proctoring with snapshots and the identity check, full screen,
 * Safe Exam Browser, on-screen tools), grouped with short explanations, and the summary of a stored
 * sitting's policy shown in the sitting panel.
 */
import type { RequestOf, components } from '../api.ts';
import { useT } from '../i18n.tsx';

type SecurityInput = NonNullable<RequestOf<'/api/sittings', 'post'>['securityPolicy']>;
type StoredPolicy = components['schemas']['SittingSecurityPolicy'];
export type Tool = SecurityInput['tools'] extends (infer T)[] | undefined ? T : never;
export const TOOLS: readonly Tool[] = ['calculator', 'scratchpad', 'ruler', 'protractor'];

/** What the form holds; `securityPolicyOf` turns it into the request's securityPolicy. */
export interface SecurityState {
  proctoring: boolean;
  snapshots: boolean;
  snapshotRetentionDays: number;
  identityCheck: boolean;
  fullscreen: boolean;
  safeExamBrowser: boolean;
  sebQuitPassword: string;
  tools: Tool[];
}

export const DEFAULT_SECURITY: SecurityState = {
  proctoring: false,
  snapshots: false,
  snapshotRetentionDays: 30,
  identityCheck: false,
  fullscreen: true,
  safeExamBrowser: false,
  sebQuitPassword: '',
  tools: [],
};

/** The request's securityPolicy; proctoring rules only when proctoring is on. */
export function securityPolicyOf(s: SecurityState): SecurityInput {
  return {
    proctoring: s.proctoring,
    fullscreen: s.fullscreen,
    safeExamBrowser: s.safeExamBrowser,
    tools: s.tools,
    ...(s.safeExamBrowser && s.sebQuitPassword ? { sebQuitPassword: s.sebQuitPassword } : {}),
    ...(s.proctoring
      ? {
          proctoringRules: {
            snapshots: s.snapshots,
            identityCheck: s.identityCheck,
            ...(s.snapshots ? { snapshotRetentionDays: s.snapshotRetentionDays } : {}),
          },
        }
      : {}),
  };
}

/** The checkboxes of the scheduling form's security group. */
export function SecurityFields({
  value,
  onChange,
}: {
  value: SecurityState;
  onChange(next: SecurityState): void;
}) {
  const { t } = useT();
  const set = (patch: Partial<SecurityState>) => onChange({ ...value, ...patch });
  const check = (key: 'proctoring' | 'snapshots' | 'identityCheck' | 'fullscreen' | 'safeExamBrowser') => (
    <div className="check-with-help">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value[key]}
          disabled={(key === 'snapshots' || key === 'identityCheck') && !value.proctoring}
          aria-describedby={`sec-${key}-help`}
          onChange={(e) => set({ [key]: e.target.checked })}
        />{' '}
        {t(`sec.${key}`)}
      </label>
      <span id={`sec-${key}-help`} className="muted small-text help-line">
        {t(`sec.${key}.help`)}
      </span>
    </div>
  );
  return (
    <div className="security-fields">
      <fieldset>
        <legend>{t('sec.proctoringGroup')}</legend>
        {check('proctoring')}
        <div className="sub-fields">
          {check('snapshots')}
          {value.proctoring && value.snapshots && (
            <label className="field narrow-field">
              {t('sec.retention')}
              <input
                type="number"
                min={1}
                max={3650}
                value={value.snapshotRetentionDays}
                onChange={(e) =>
                  set({ snapshotRetentionDays: Math.min(3650, Math.max(1, Number(e.target.value) || 1)) })
                }
              />
            </label>
          )}
          {check('identityCheck')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sec.browserGroup')}</legend>
        {check('fullscreen')}
        {check('safeExamBrowser')}
        {value.safeExamBrowser && (
          <label className="field narrow-field">
            {t('sec.quitPassword')}
            <input
              type="text"
              minLength={4}
              maxLength={100}
              autoComplete="off"
              value={value.sebQuitPassword}
              onChange={(e) => set({ sebQuitPassword: e.target.value })}
            />
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('sec.toolsGroup')}</legend>
        <p className="muted small-text">{t('sec.tools.help')}</p>
        {TOOLS.map((tool) => (
          <label key={tool} className="checkbox-inline">
            <input
              type="checkbox"
              checked={value.tools.includes(tool)}
              onChange={(e) =>
                set({
                  tools: e.target.checked
                    ? TOOLS.filter((x) => x === tool || value.tools.includes(x))
                    : value.tools.filter((x) => x !== tool),
                })
              }
            />{' '}
            {t(`sec.tool.${tool}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** The stored policy in words, for the sitting panel. */
export function SecuritySummary({ policy }: { policy: StoredPolicy }) {
  const { t } = useT();
  const rules = policy.proctoringRules ?? {};
  const proctoring = policy.proctoring
    ? [
        t('sec.summary.proctoringOn'),
        rules.snapshots
          ? t('sec.summary.snapshots', { days: rules.snapshotRetentionDays ?? 30 })
          : t('sec.summary.noSnapshots'),
        rules.identityCheck ? t('sec.summary.identity') : t('sec.summary.noIdentity'),
      ].join('; ')
    : t('sec.summary.proctoringOff');
  return (
    <section aria-labelledby="sitting-security-title" className="security-summary">
      <h4 id="sitting-security-title">{t('sec.summary.title')}</h4>
      <ul>
        <li>{proctoring}</li>
        <li>{policy.fullscreen ? t('sec.summary.fullscreen') : t('sec.summary.noFullscreen')}</li>
        <li>
          {policy.safeExamBrowser
            ? t(policy.sebQuitPassword ? 'sec.summary.sebPassword' : 'sec.summary.seb')
            : t('sec.summary.noSeb')}
        </li>
        <li>
          {policy.tools.length
            ? t('sec.summary.tools', { tools: policy.tools.map((x) => t(`sec.tool.${x}`)).join(', ') })
            : t('sec.summary.noTools')}
        </li>
      </ul>
    </section>
  );
}
