/**
 * Sound recording for PCIs, done by the candidate page on the PCI's behalf. A PCI runs in a frame
 * with an opaque origin (sandbox="allow-scripts"), where Chromium refuses getUserMedia; so the
 * frame asks the page over its postMessage channel (`record-start`, `record-stop`), the page asks
 * the candidate's consent, records with MediaRecorder while it shows a recording indicator, and
 * hands the sound back (`record-done`) as a QTI file value, which the page also saves as the
 * interaction's response. A recording is kept within the file-response limit (MAX_FILE_BYTES):
 * its length is capped from the bit rate, and a recording that still comes out larger is refused.
 */
import { base64OfBytes, MAX_FILE_BYTES } from './file-value.ts';

/** What a PCI may ask for; the page clamps both. */
export interface RecordingRequest {
  maxSeconds?: number;
  bitsPerSecond?: number;
}

/** A finished recording, in the PCI API's file form. */
export interface RecordedFile {
  data: string;
  mime: string;
  name: string;
}

export type RecorderView =
  | { phase: 'idle' }
  | { phase: 'asking' }
  | { phase: 'starting' }
  | { phase: 'recording'; seconds: number; maxSeconds: number };

export interface RecordingHandlers {
  started(maxSeconds: number): void;
  /** `consent` (the candidate said no), `busy`, `unavailable` (no microphone or no MediaRecorder). */
  refused(reason: string): void;
  done(file: RecordedFile, seconds: number): void;
  /** `too-large` or what MediaRecorder reported. */
  failed(reason: string): void;
}

export const MIN_BITS_PER_SECOND = 6_000;
export const MAX_BITS_PER_SECOND = 32_000;
export const DEFAULT_BITS_PER_SECOND = 16_000;
export const MAX_RECORDING_SECONDS = 120;

/**
 * The longest recording the page makes at a bit rate: the requested length, at most two minutes,
 * and at most what fits in the file limit with a fifth to spare for the container and the
 * encoder's overshoot.
 */
export function recordingLimits(request: RecordingRequest): { maxSeconds: number; bitsPerSecond: number } {
  const bits = Number(request.bitsPerSecond);
  const bitsPerSecond = Number.isFinite(bits)
    ? Math.min(MAX_BITS_PER_SECOND, Math.max(MIN_BITS_PER_SECOND, Math.round(bits)))
    : DEFAULT_BITS_PER_SECOND;
  const fits = Math.floor((MAX_FILE_BYTES * 8 * 0.8) / bitsPerSecond);
  const asked = Number(request.maxSeconds);
  const wanted = Number.isFinite(asked) && asked > 0 ? Math.ceil(asked) : 30;
  return { maxSeconds: Math.max(1, Math.min(wanted, MAX_RECORDING_SECONDS, fits)), bitsPerSecond };
}

/** The media type without its parameters (`audio/webm;codecs=opus` is `audio/webm`). */
export const bareType = (type: string | undefined) => (type ?? '').split(';')[0]!.trim() || 'audio/webm';

const EXTENSIONS: Record<string, string> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
};

/**
 * One recorder per PCI frame. It asks for consent once per frame (the candidate's yes stands for
 * later takes in the same question), records one take at a time, and tells its view of each step.
 */
export class PageRecorder {
  private view: RecorderView = { phase: 'idle' };
  private consented = false;
  private pending?: { request: RecordingRequest; handlers: RecordingHandlers };
  private recorder?: MediaRecorder;
  private stream?: MediaStream;
  private ticker?: number;
  private cutOff?: number;
  private discarded = false;

  constructor(private readonly onView: (view: RecorderView) => void) {}

  private show(view: RecorderView) {
    this.view = view;
    this.onView(view);
  }

  /** The PCI asks to record: consent first (once), then the microphone. */
  start(request: RecordingRequest, handlers: RecordingHandlers) {
    if (this.view.phase !== 'idle') {
      handlers.refused('busy');
      return;
    }
    if (
      typeof MediaRecorder !== 'function' ||
      !navigator.mediaDevices ||
      typeof navigator.mediaDevices.getUserMedia !== 'function'
    ) {
      handlers.refused('unavailable');
      return;
    }
    if (this.consented) {
      void this.record(request, handlers);
      return;
    }
    this.pending = { request, handlers };
    this.show({ phase: 'asking' });
  }

  /** The candidate's answer to the consent question. */
  answer(allowed: boolean) {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    this.show({ phase: 'idle' });
    if (!allowed) {
      pending.handlers.refused('consent');
      return;
    }
    this.consented = true;
    void this.record(pending.request, pending.handlers);
  }

  private async record(request: RecordingRequest, handlers: RecordingHandlers) {
    const { maxSeconds, bitsPerSecond } = recordingLimits(request);
    this.show({ phase: 'starting' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      this.show({ phase: 'idle' });
      handlers.refused(`unavailable: ${(error as Error).name || String(error)}`);
      return;
    }
    if (this.discarded) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, { audioBitsPerSecond: bitsPerSecond });
    } catch (error) {
      stream.getTracks().forEach((t) => t.stop());
      this.show({ phase: 'idle' });
      handlers.refused(`unavailable: ${(error as Error).name || String(error)}`);
      return;
    }
    this.stream = stream;
    this.recorder = recorder;
    const chunks: Blob[] = [];
    let bytes = 0;
    const started = performance.now();
    recorder.ondataavailable = (event) => {
      chunks.push(event.data);
      bytes += event.data.size;
      // Stop before the file limit: the next second would not fit.
      if (bytes > MAX_FILE_BYTES - (bitsPerSecond / 8) * 2) this.stop();
    };
    recorder.onstop = () => {
      this.release();
      const seconds = Math.max(1, Math.round((performance.now() - started) / 1000));
      if (this.discarded) return;
      const mime = bareType(recorder.mimeType || chunks[0]?.type);
      const blob = new Blob(chunks, { type: mime });
      this.show({ phase: 'idle' });
      if (blob.size > MAX_FILE_BYTES) {
        handlers.failed('too-large');
        return;
      }
      void blob.arrayBuffer().then((buffer) => {
        if (this.discarded) return;
        const name = `recording.${EXTENSIONS[mime] ?? 'webm'}`;
        handlers.done({ data: base64OfBytes(new Uint8Array(buffer)), mime, name }, seconds);
      });
    };
    recorder.onerror = () => {
      this.release();
      this.show({ phase: 'idle' });
      handlers.failed('recorder-error');
    };
    recorder.start(1000);
    this.show({ phase: 'recording', seconds: 0, maxSeconds });
    handlers.started(maxSeconds);
    this.ticker = window.setInterval(() => {
      if (this.view.phase !== 'recording') return;
      const seconds = Math.min(maxSeconds, Math.floor((performance.now() - started) / 1000));
      if (seconds !== this.view.seconds) this.show({ ...this.view, seconds });
    }, 250);
    this.cutOff = window.setTimeout(() => this.stop(), maxSeconds * 1000);
  }

  /** Ends the take (the PCI asked, the candidate pressed stop, or the time is up); it is then handed over. */
  stop() {
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
  }

  private release() {
    window.clearInterval(this.ticker);
    window.clearTimeout(this.cutOff);
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = undefined;
    this.recorder = undefined;
  }

  /** The frame is gone (another question, or the page closed): the microphone is let go, the take dropped. */
  dispose() {
    this.discarded = true;
    this.pending = undefined;
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    this.release();
  }
}
