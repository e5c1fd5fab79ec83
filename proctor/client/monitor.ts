/**
 * The proctoring monitor in the candidate's page: camera and microphone stay on the device; the detector runs in a
 * dedicated worker (`detectionWorker`), so it never blocks answering, at a low frame rate that backs off when the
 * device is slow (`detection-loop.ts`); without worker support it runs on the main thread, paced by idle callbacks.
 * Browser monitors watch focus, visibility, full screen, copy/paste, a second screen and devtools. Only state
 * changes leave the device, in batches with device timestamps, through `send` (the candidate socket's
 * `proctor:events`).
 */
import type { DeviceEvent, DeviceEventBatch } from '../events.ts';
import { DEFAULT_THRESHOLDS, faceCountClass, headPose, mainFace, watchedObjects } from './classify.ts';
import type { Detector } from './detector.ts';
import { startDetectionLoop } from './detection-loop.ts';
import { ENGINE_ASSET_URLS, type AssetUrls } from './human-config.ts';
import { createCountHold, createFrameReporter, createSpeechGate } from './reporter.ts';
import { captureSnapshot, snapshotWorthy } from './snapshot.ts';
import { connectWorkerDetector, workerDetectionSupported } from './worker-detector.ts';

export interface MonitorOptions {
  /** Sends a batch; resolves `{ proctoring: false }` when the sitting does not watch candidates (the monitor stops). */
  send(batch: DeviceEventBatch): Promise<{ proctoring: boolean } | null>;
  urls?: AssetUrls;
  /**
   * Creates the detection worker (`detection-worker.ts`, built by the app's bundler). Without it, or where the
   * browser lacks Worker/OffscreenCanvas or the worker fails to load, detection runs on the main thread.
   */
  detectionWorker?: () => Worker;
  /** Shortest pause between two frames (default 200 ms: at most 5 frames a second). */
  frameIntervalMs?: number;
  /** Object detection (phone, book) every this many ms (default 3000). */
  objectIntervalMs?: number;
  batchIntervalMs?: number;
  /**
   * Only where the sitting allows snapshots: receives one small JPEG of the frame when an incident-worthy event
   * is reported (at most one every `snapshotIntervalMs`, default 10 s).
   */
  snapshot?: (at: number, jpeg: Uint8Array) => Promise<unknown> | void;
  snapshotIntervalMs?: number;
  /** Runs the identity check once the camera is on; returns its event. */
  identity?: (detector: Detector, video: HTMLVideoElement) => Promise<DeviceEvent | null>;
}

export interface ProctorMonitor {
  stop(): void;
  /** Frames analysed per second over the last few seconds. */
  fps(): number;
  /** Where the detector runs (null until it has loaded) and how many frames it has analysed there. */
  detection(): { thread: Detector['thread'] | null; frames: number };
  video: HTMLVideoElement | null;
}

/** The detector in a worker when possible, else on the main thread; loaded only when a sitting watches. */
async function loadDetector(options: MonitorOptions): Promise<Detector> {
  const urls = options.urls ?? ENGINE_ASSET_URLS;
  if (options.detectionWorker && workerDetectionSupported()) {
    try {
      return await connectWorkerDetector(options.detectionWorker(), urls);
    } catch {
      // Falls back to the main thread below (slower for the page, but the candidate is still watched).
    }
  }
  // Human and TensorFlow.js are a chunk of their own, fetched only for this fallback.
  const { createDetector } = await import('./detector.ts');
  return createDetector(urls);
}

/** Starts watching; resolves once the browser monitors run (the camera and models load in the background). */
export async function startMonitor(options: MonitorOptions): Promise<ProctorMonitor> {
  let stopped = false;
  let queue: DeviceEvent[] = [];
  let lastSnapshot = -Infinity;
  const snapshotOf = (e: DeviceEvent) => {
    const interval = options.snapshotIntervalMs ?? 10_000;
    if (!options.snapshot || !video || !snapshotWorthy(e) || e.at - lastSnapshot < interval) return;
    lastSnapshot = e.at;
    const frame = video;
    // Sent on its own right away, so it reaches the engine before the batch whose event it shows.
    void captureSnapshot(frame)
      .then((jpeg) => (jpeg ? options.snapshot?.(e.at, jpeg) : undefined))
      .catch(() => undefined);
  };
  const push = (e: DeviceEvent) => {
    queue.push(e);
    snapshotOf(e);
  };
  const cleanups: (() => void)[] = [];
  const frameTimes: number[] = [];
  let video: HTMLVideoElement | null = null;
  let detector: Detector | null = null;

  const flush = async () => {
    const events = queue;
    queue = [];
    const ack = await options.send({ sentAt: Date.now(), events }).catch(() => null);
    if (ack === null)
      queue = [...events, ...queue].slice(-500); // offline: keep for the next batch
    else if (!ack.proctoring) monitor.stop();
  };
  const batchTimer = setInterval(() => void flush(), options.batchIntervalMs ?? 2000);
  cleanups.push(() => clearInterval(batchTimer));

  // Browser monitors.
  const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) => {
    window.addEventListener(type, fn);
    cleanups.push(() => window.removeEventListener(type, fn));
  };
  on('blur', () => push({ kind: 'focus', at: Date.now(), focused: false }));
  on('focus', () => push({ kind: 'focus', at: Date.now(), focused: true }));
  const onVisibility = () => push({ kind: 'visibility', at: Date.now(), visible: !document.hidden });
  document.addEventListener('visibilitychange', onVisibility);
  cleanups.push(() => document.removeEventListener('visibilitychange', onVisibility));
  const onFullscreen = () =>
    push({ kind: 'fullscreen', at: Date.now(), active: Boolean(document.fullscreenElement) });
  document.addEventListener('fullscreenchange', onFullscreen);
  cleanups.push(() => document.removeEventListener('fullscreenchange', onFullscreen));
  for (const action of ['copy', 'cut', 'paste'] as const)
    on(action, () => push({ kind: 'clipboard', at: Date.now(), action }));
  let extended: boolean | null = null;
  let devtools: boolean | null = null;
  const poll = setInterval(() => {
    const ext = (screen as Screen & { isExtended?: boolean }).isExtended;
    if (typeof ext === 'boolean' && ext !== extended)
      push({ kind: 'screen', at: Date.now(), extended: (extended = ext) });
    // Docked devtools shrink the page well below the window; a heuristic, reported as such to the proctor.
    const open = window.outerWidth - window.innerWidth > 200 || window.outerHeight - window.innerHeight > 200;
    if (open !== devtools && (devtools !== null || open))
      push({ kind: 'devtools', at: Date.now(), open: (devtools = open) });
  }, 2000);
  cleanups.push(() => clearInterval(poll));

  const monitor: ProctorMonitor = {
    stop() {
      if (stopped) return;
      stopped = true;
      cleanups.forEach((fn) => fn());
      void flush();
    },
    fps() {
      const now = performance.now();
      while (frameTimes.length && now - frameTimes[0]! > 5000) frameTimes.shift();
      return frameTimes.length / 5;
    },
    detection() {
      return { thread: detector?.thread ?? null, frames: detector?.framesAnalysed() ?? 0 };
    },
    get video() {
      return video;
    },
  };

  // Camera, microphone and detector, without holding up the caller.
  void (async () => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { width: 320, height: 240, frameRate: 15 },
        audio: true,
      });
    } catch (error) {
      push({
        kind: 'camera',
        at: Date.now(),
        available: false,
        reason: (error as Error).name || 'unavailable',
      });
      return;
    }
    cleanups.push(() => stream.getTracks().forEach((t) => t.stop()));
    if (stopped) return monitor.stop();
    for (const track of stream.getTracks())
      track.addEventListener('ended', () =>
        push({ kind: 'camera', at: Date.now(), available: false, reason: 'ended' }),
      );
    startAudio(stream, push, cleanups);
    video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    try {
      detector = await loadDetector(options);
    } catch {
      push({ kind: 'camera', at: Date.now(), available: false, reason: 'detector' });
      return;
    }
    const loaded = detector;
    cleanups.push(() => loaded.close());
    if (stopped) return loaded.close();
    if (options.identity) {
      const result = await options.identity(loaded, video).catch(() => null);
      if (result) push(result);
    }
    if (stopped) return;
    const report = createFrameReporter(push);
    let lastFps = 0;
    // Plain frames keep a higher count of the last frame with tiles or objects for a while (see createCountHold).
    const hold = createCountHold();
    const camera = video;
    const loop = startDetectionLoop({
      detector: loaded,
      frame: () => (camera.readyState >= 2 && !document.hidden ? camera : null),
      ...(options.frameIntervalMs ? { frameIntervalMs: options.frameIntervalMs } : {}),
      ...(options.objectIntervalMs ? { objectIntervalMs: options.objectIntervalMs } : {}),
      onFrame(frame, objects) {
        const face = mainFace(frame, DEFAULT_THRESHOLDS);
        const faces = hold(
          performance.now(),
          faceCountClass(frame, DEFAULT_THRESHOLDS),
          !!frame.tiles || objects,
        );
        report(Date.now(), {
          faces,
          pose: face ? headPose(face, DEFAULT_THRESHOLDS) : null,
          ...(face?.yaw != null ? { yaw: face.yaw } : {}),
          ...(face?.pitch != null ? { pitch: face.pitch } : {}),
          ...(objects ? { objects: watchedObjects(frame, DEFAULT_THRESHOLDS).map((o) => o.kind) } : {}),
        });
        frameTimes.push(performance.now());
        if (performance.now() - lastFps > 30_000) {
          lastFps = performance.now();
          push({ kind: 'monitor', at: Date.now(), fps: Math.round(monitor.fps() * 10) / 10 });
        }
      },
    });
    cleanups.push(() => loop.stop());
  })();

  return monitor;
}

function startAudio(stream: MediaStream, push: (e: DeviceEvent) => void, cleanups: (() => void)[]) {
  if (stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return;
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  // Speech band only: a high-pass at 300 Hz and a low-pass at 3400 Hz keep hum and hiss out of the level.
  const high = new BiquadFilterNode(context, { type: 'highpass', frequency: 300 });
  const low = new BiquadFilterNode(context, { type: 'lowpass', frequency: 3400 });
  const analyser = new AnalyserNode(context, { fftSize: 1024 });
  source.connect(high).connect(low).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const gate = createSpeechGate(push);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    gate(Date.now(), Math.sqrt(sum / samples.length));
  }, 250);
  cleanups.push(() => {
    clearInterval(timer);
    void context.close();
  });
}
