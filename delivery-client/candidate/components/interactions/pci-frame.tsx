/**
 * A portable custom interaction (PCI), run in a sandboxed frame the engine serves: `sandbox=
 * "allow-scripts"` without allow-same-origin gives it an opaque origin (no cookies, no storage, no
 * access to this page), and the frame page's CSP allows only its own module files and no network.
 * The page and the frame talk by postMessage only, every message checked for the frame's window
 * and a per-frame token: the page sends the saved response and state (`init`), collects
 * getResponse/getState every half second once the PCI is ready, and saves what changed like any
 * other answer. The frame never gets the microphone: a PCI that records sound asks the page to
 * record for it (pci-recording.ts), after the candidate's consent and under a visible indicator.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ContentElement } from '../../../../item-bank/client.ts';
import { useI18n } from '../../../shared/i18n.tsx';
import { useItem } from '../item-view.tsx';
import { pciStateKey, responseFromPci, responseToPci } from './pci-response.ts';
import { PageRecorder, type RecordedFile, type RecorderView } from './pci-recording.ts';
import type { InteractionProps } from './shared.tsx';

const COLLECT_EVERY_MS = 500;
const MIN_HEIGHT = 80;
const MAX_HEIGHT = 2000;

/** Whether an element is a PCI: QTI 3's, or TAO's customInteraction around one. */
export const isPortableInteraction = (e: ContentElement) =>
  (e.name === 'portableCustomInteraction' && e.ns === 'qti') ||
  (e.name === 'customInteraction' &&
    e.children.some((c) => c.kind === 'element' && c.name === 'portableCustomInteraction'));

interface FrameMessage {
  pci?: string;
  token?: string;
  response?: unknown;
  state?: unknown;
  height?: number;
  message?: string;
  /** A recording request's id, echoed in the page's answers. */
  id?: string;
  maxSeconds?: number;
  bitsPerSecond?: number;
}

export function PortableInteractionFrame({ element }: InteractionProps) {
  const { t } = useI18n();
  const context = useItem();
  const responseIdentifier = element.attributes.responseIdentifier ?? '';
  const shape = context.item.responses.find((r) => r.identifier === responseIdentifier);
  const [src, setSrc] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [height, setHeight] = useState(MIN_HEIGHT * 2);
  const [recording, setRecording] = useState<RecorderView>({ phase: 'idle' });
  const recorder = useRef<PageRecorder>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);
  // A new token for every frame: a message without it is not from this frame's runtime.
  const token = useMemo(() => crypto.randomUUID(), []);
  // The message handler outlives renders: it reads the newest answers and setter through a ref.
  const latest = useRef(context);
  latest.current = context;
  const canOpen = Boolean(context.openPciFrame);
  const itemIdentifier = context.item.identifier;

  // One frame per item and interaction: the opener is a new function on every render of the page.
  useEffect(() => {
    const open = latest.current.openPciFrame;
    if (!open) return;
    let live = true;
    open(responseIdentifier).then(
      (url) => live && setSrc(url),
      (error: Error) => live && setProblem(error.message),
    );
    return () => {
      live = false;
    };
  }, [itemIdentifier, responseIdentifier]);

  useEffect(() => {
    if (!src) return;
    let ready = false;
    const sound = new PageRecorder(setRecording);
    recorder.current = sound;
    const post = (message: Record<string, unknown>) =>
      // The frame's origin is opaque, so no origin can be named; the window itself is checked instead.
      frame.current?.contentWindow?.postMessage({ ...message, token }, '*');
    const keep = (response: unknown, state: unknown) => {
      const { responses, update } = latest.current;
      const value = responseFromPci(response);
      const stateText = typeof state === 'string' ? state : null;
      const stateKey = pciStateKey(responseIdentifier);
      if (
        JSON.stringify(value) === JSON.stringify(responses[responseIdentifier] ?? null) &&
        stateText === (responses[stateKey] ?? null)
      )
        return;
      update({ [responseIdentifier]: value, [stateKey]: stateText });
    };
    const onMessage = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const data = event.data as FrameMessage | null;
      if (!data || data.token !== token) return;
      switch (data.pci) {
        case 'hello': {
          const { responses } = latest.current;
          const state = responses[pciStateKey(responseIdentifier)];
          post({
            pci: 'init',
            state: typeof state === 'string' ? state : null,
            response: responseToPci(responses[responseIdentifier], shape),
          });
          break;
        }
        case 'ready':
          ready = true;
          break;
        case 'collected':
        case 'completed':
          keep(data.response, data.state);
          break;
        case 'height':
          if (typeof data.height === 'number')
            setHeight(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height))));
          break;
        case 'error':
          setProblem(String(data.message ?? ''));
          break;
        case 'record-start': {
          const id = String(data.id ?? '');
          sound.start(
            { maxSeconds: data.maxSeconds, bitsPerSecond: data.bitsPerSecond },
            {
              started: (maxSeconds) => post({ pci: 'record-started', id, maxSeconds }),
              refused: (reason) => post({ pci: 'record-refused', id, reason }),
              failed: (reason) => post({ pci: 'record-failed', id, reason }),
              done: (file: RecordedFile, seconds) => {
                // Saved at once as the response (the form the PCI's getResponse gives it back in),
                // so the recording is kept even before the PCI is next asked for its response.
                const { update } = latest.current;
                update({ [responseIdentifier]: responseFromPci({ base: { file } }) });
                post({ pci: 'record-done', id, file, seconds });
              },
            },
          );
          break;
        }
        case 'record-stop':
          sound.stop();
          break;
      }
    };
    window.addEventListener('message', onMessage);
    const timer = window.setInterval(() => ready && post({ pci: 'collect' }), COLLECT_EVERY_MS);
    return () => {
      window.removeEventListener('message', onMessage);
      window.clearInterval(timer);
      sound.dispose();
      recorder.current = undefined;
      setRecording({ phase: 'idle' });
    };
  }, [src, token, responseIdentifier, shape]);

  if (!canOpen)
    return (
      <p className="banner message" role="note">
        {t('item.pciNoSession')}
      </p>
    );
  return (
    <div className="pci">
      {problem && (
        <p className="banner message" role="alert">
          {t('item.pciFailed')} ({problem})
        </p>
      )}
      {recording.phase === 'asking' && (
        <div className="pci-consent" role="dialog" aria-labelledby={`pci-consent-${token}`}>
          <p id={`pci-consent-${token}`}>{t('item.recordConsent')}</p>
          <div className="pci-consent-actions">
            <button type="button" className="primary" onClick={() => recorder.current?.answer(true)}>
              {t('item.recordAllow')}
            </button>
            <button type="button" onClick={() => recorder.current?.answer(false)}>
              {t('item.recordDeny')}
            </button>
          </div>
        </div>
      )}
      {(recording.phase === 'recording' || recording.phase === 'starting') && (
        <div className="pci-recording" role="status">
          <span className="pci-recording-dot" aria-hidden="true" />
          <span>
            {recording.phase === 'recording'
              ? t('item.recordingNow', {
                  time: clock(recording.seconds),
                  max: clock(recording.maxSeconds),
                })
              : t('item.recordingStarting')}
          </span>
          {recording.phase === 'recording' && (
            <button type="button" onClick={() => recorder.current?.stop()}>
              {t('item.recordStop')}
            </button>
          )}
        </div>
      )}
      {src && (
        <iframe
          ref={frame}
          src={`${src}#${token}`}
          title={t('item.pciFrame')}
          sandbox="allow-scripts"
          referrerPolicy="no-referrer"
          data-response-identifier={responseIdentifier}
          style={{ width: '100%', height, border: 0 }}
        />
      )}
    </div>
  );
}

/** 75 -> "1:15". */
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
