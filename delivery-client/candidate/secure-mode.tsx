/**
 * Secure mode, per the sitting's policy: full screen required (leaving it locks answering behind
 * a notice until the candidate returns, and is recorded), copy/cut/paste, the context menu,
 * printing, dragging and text selection blocked outside answer fields, and focus loss and
 * visibility changes recorded as session events through the exam connection.
 */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SecurityPolicy } from '../../engine/client.ts';
import { useI18n } from '../shared/i18n.tsx';
import type { ExamConnection } from './exam-connection.ts';
import { fullscreenLockKey } from './fullscreen-lock.ts';

/** Where copying, pasting and selecting stay allowed: the candidate's own answer fields. */
const ANSWER_FIELDS = 'input, textarea, select, [contenteditable="true"], .code-editor';

const inAnswerField = (target: EventTarget | null) =>
  target instanceof Element && Boolean(target.closest(ANSWER_FIELDS));

const subscribeFullscreen = (listener: () => void) => {
  document.addEventListener('fullscreenchange', listener);
  return () => document.removeEventListener('fullscreenchange', listener);
};
const isFullscreen = () => Boolean(document.fullscreenElement);

export function SecureMode({
  exam,
  policy,
  children,
}: {
  exam: ExamConnection;
  policy: SecurityPolicy | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const fullscreen = useSyncExternalStore(subscribeFullscreen, isFullscreen);
  const [notice, setNotice] = useState('');
  const secure = Boolean(policy && (policy.fullscreen || policy.lockdown || policy.safeExamBrowser));

  useEffect(() => {
    if (!secure) return;
    const off: Array<() => void> = [];
    const on = <K extends keyof WindowEventMap | keyof DocumentEventMap>(
      target: Window | Document,
      type: K,
      handler: (e: K extends keyof DocumentEventMap ? DocumentEventMap[K] : Event) => void,
    ) => {
      target.addEventListener(type, handler as EventListener, true);
      off.push(() => target.removeEventListener(type, handler as EventListener, true));
    };
    on(window, 'blur', () => exam.securityEvent('focus_lost'));
    on(window, 'focus', () => exam.securityEvent('focus_returned'));
    on(document, 'visibilitychange', () =>
      exam.securityEvent(document.visibilityState === 'hidden' ? 'visibility_hidden' : 'visibility_visible'),
    );
    if (policy?.lockdown) {
      document.documentElement.classList.add('secure-mode');
      off.push(() => document.documentElement.classList.remove('secure-mode'));
      const block =
        (type: 'copy_blocked' | 'cut_blocked' | 'paste_blocked' | 'contextmenu_blocked' | 'drag_blocked') =>
        (e: Event) => {
          if (inAnswerField(e.target)) return;
          e.preventDefault();
          setNotice(t('secure.blocked'));
          exam.securityEvent(type);
        };
      on(document, 'copy', block('copy_blocked'));
      on(document, 'cut', block('cut_blocked'));
      on(document, 'paste', block('paste_blocked'));
      on(document, 'contextmenu', block('contextmenu_blocked'));
      on(document, 'dragstart', block('drag_blocked'));
      on(document, 'drop', block('drag_blocked'));
      on(document, 'selectstart', (e) => {
        if (!inAnswerField(e.target)) e.preventDefault();
      });
      on(document, 'keydown', (e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
          e.preventDefault();
          setNotice(t('secure.blocked'));
          exam.securityEvent('print_blocked');
        }
      });
      on(window, 'beforeprint', () => exam.securityEvent('print_blocked'));
    }
    return () => off.forEach((f) => f());
  }, [exam, secure, policy?.lockdown, t]);

  // Full screen left or re-entered: recorded on each change (not for the state found at load).
  const [wasFullscreen, setWasFullscreen] = useState(fullscreen);
  // Whether this page was ever in full screen: a page resumed elsewhere is locked without blame.
  const [everFullscreen, setEverFullscreen] = useState(fullscreen);
  if (fullscreen && !everFullscreen) setEverFullscreen(true);
  useEffect(() => {
    if (!policy?.fullscreen || fullscreen === wasFullscreen) return;
    setWasFullscreen(fullscreen);
    exam.securityEvent(fullscreen ? 'fullscreen_enter' : 'fullscreen_exit');
  }, [exam, fullscreen, wasFullscreen, policy?.fullscreen]);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(''), 3000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const locked = Boolean(policy?.fullscreen) && !fullscreen;
  return (
    <>
      <div inert={locked} className={locked ? 'secure-locked' : undefined}>
        {children}
      </div>
      {notice && (
        <p className="sr-only" role="status">
          {notice}
        </p>
      )}
      {locked && (
        <div className="secure-lock" role="dialog" aria-modal="true" aria-labelledby="secure-lock-title">
          <div>
            <h2 id="secure-lock-title">{t('secure.fullscreenTitle')}</h2>
            <p>{t(fullscreenLockKey(everFullscreen))}</p>
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => void document.documentElement.requestFullscreen().catch(() => {})}
            >
              {t('secure.fullscreenButton')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
