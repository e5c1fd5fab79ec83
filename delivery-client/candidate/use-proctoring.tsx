/**
 * Proctoring in the candidate app: `useProctoring(exam)` starts the on-device monitor (proctor/client.ts) while
 * the exam page is open and sends its event batches over the exam's own socket (`proctor:events`); the engine
 * answers `proctoring: false` for sittings that do not watch candidates, and the monitor then stops at once
 * (before the camera is asked for). The first ack also says whether the sitting checks identity (the live face is
 * compared on the device with the roster photo fetched for this session only) and allows incident snapshots.
 * The detector runs in its own module worker (Vite builds proctor/client/detection-worker.ts into the app's
 * assets, served from the engine's origin), so detection never blocks answering.
 * `ProctoringNotice` is the privacy statement shown at check-in.
 */
import { useEffect, useState } from 'react';
import {
  checkIdentity,
  createDetectionWorker,
  loadPhoto,
  startMonitor,
  type DeviceEvent,
  type DeviceEventBatch,
  type MonitorOptions,
  type ProctorMonitor,
} from '../../proctor/client.ts';
import { DeviceEventsAck } from '../../engine/client.ts';
import { useI18n } from '../shared/i18n.tsx';
import type { ExamConnection } from './exam-connection.ts';

interface EventSocket {
  connected: boolean;
  auth: { token?: string };
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/** The exam's socket (one live connection per session: proctoring shares it). */
const socketOf = (exam: ExamConnection) => (exam as unknown as { socket: EventSocket }).socket;

type EventsAck = Extract<DeviceEventsAck, { ok: true }>;

/** Sends one batch; null when it did not arrive or the engine refused it (a malformed ack counts as refused). */
async function send(exam: ExamConnection, batch: DeviceEventBatch): Promise<EventsAck | null> {
  const socket = socketOf(exam);
  if (!socket?.connected) return null;
  const ack = DeviceEventsAck.safeParse(
    await socket
      .timeout(10_000)
      .emitWithAck('proctor:events', batch)
      .catch(() => null),
  );
  return ack.success && ack.data.ok ? ack.data : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The identity check: the roster photo of this session only, compared on the device; a few tries for a face. */
function identityCheck(exam: ExamConnection, minSimilarity: number): NonNullable<MonitorOptions['identity']> {
  return async (detector, video) => {
    const token = socketOf(exam).auth?.token;
    const photo = await loadPhoto('/api/proctoring/candidate/photo', {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
    });
    let result: DeviceEvent = await checkIdentity(detector, video, photo, minSimilarity);
    for (let i = 0; i < 5 && result.kind === 'identity' && result.result === 'no_face'; i++) {
      await sleep(2000);
      result = await checkIdentity(detector, video, photo, minSimilarity);
    }
    if (photo) URL.revokeObjectURL(photo.src);
    return result;
  };
}

/** The camera as the candidate is told of it: not used, being opened, on, or not working. */
export type CameraStatus = 'off' | 'starting' | 'on' | 'unavailable';

export function useProctoring(exam: ExamConnection): CameraStatus {
  const [camera, setCamera] = useState<CameraStatus>('off');
  useEffect(() => {
    let monitor: ProctorMonitor | undefined;
    let cancelled = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    let unavailable = false;
    /** Sends a batch, noting on the way whether the camera stopped working. */
    const sendWatching = (batch: DeviceEventBatch) => {
      for (const e of batch.events)
        if (e.kind === 'camera') {
          unavailable = !e.available;
          setCamera(unavailable ? 'unavailable' : 'on');
        }
      return send(exam, batch);
    };
    // Ask the engine first with an empty batch, so a sitting without proctoring never opens the camera.
    void (async () => {
      let ack = await send(exam, { sentAt: Date.now(), events: [] });
      for (let i = 0; ack === null && i < 10 && !cancelled; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        ack = await send(exam, { sentAt: Date.now(), events: [] });
      }
      if (cancelled || !ack?.proctoring) return;
      setCamera('starting');
      monitor = await startMonitor({
        send: sendWatching,
        detectionWorker: createDetectionWorker,
        ...(ack.identityCheck ? { identity: identityCheck(exam, ack.identityMinSimilarity) } : {}),
        ...(ack.snapshots
          ? {
              snapshot: (at: number, jpeg: Uint8Array) =>
                socketOf(exam)?.connected
                  ? socketOf(exam)
                      .timeout(10_000)
                      .emitWithAck('proctor:snapshot', { at, jpeg })
                      .catch(() => null)
                  : undefined,
            }
          : {}),
      });
      if (cancelled) return monitor.stop();
      // The camera is on once the monitor's video runs (its own events say when it stops).
      poll = setInterval(() => {
        if (!unavailable && monitor?.video) setCamera('on');
      }, 1000);
    })();
    return () => {
      cancelled = true;
      if (poll) clearInterval(poll);
      monitor?.stop();
    };
  }, [exam]);
  return camera;
}

const INDICATOR = {
  vi: {
    starting: 'Đang mở camera…',
    on: 'Camera đang bật',
    unavailable: 'Camera không hoạt động: giám thị sẽ được báo',
  },
  en: {
    starting: 'Opening the camera…',
    on: 'Camera on',
    unavailable: 'The camera is not working: the proctor will be told',
  },
} as const;

/** The exam's camera indicator: shown only where the sitting uses the camera. */
export function CameraIndicator({ status }: { status: CameraStatus }) {
  const { lang } = useI18n();
  if (status === 'off') return null;
  return (
    <span className={`camera-indicator ${status}`} role="status">
      <span aria-hidden="true">● </span>
      {INDICATOR[lang === 'en' ? 'en' : 'vi'][status]}
    </span>
  );
}

const NOTICE = {
  vi: {
    title: 'Giám sát bằng camera (nếu kỳ thi bật)',
    body: [
      'Camera và micro chỉ được phân tích ngay trên máy của em: có bao nhiêu khuôn mặt, hướng đầu, điện thoại hoặc sách trong khung hình, tiếng nói kéo dài, và việc rời cửa sổ bài thi, thoát toàn màn hình, sao chép/dán, màn hình thứ hai.',
      'Nếu kỳ thi kiểm tra danh tính, khuôn mặt của em được so với ảnh hồ sơ ngay trên máy này; ảnh hồ sơ chỉ được gửi đến máy này cho lượt thi của em. Giám thị chỉ nhận kết quả (khớp hay không, độ tương đồng).',
      'Không có video hay âm thanh nào được gửi đi hoặc lưu lại. Máy chỉ gửi các sự kiện (loại sự kiện, thời điểm, thời lượng, số đo như góc quay đầu). Chỉ khi kỳ thi cho phép, một sự kiện có thể kèm một ảnh nhỏ (160×120) chụp từ camera đúng lúc đó.',
      'Giám thị xem các sự kiện và tự quyết định; hệ thống không tự động đình chỉ bài thi. Sự kiện được lưu cùng bài thi; ảnh kèm sự kiện được giữ theo thời hạn của kỳ thi, ghi ở trang thông tin trước khi bắt đầu làm bài, rồi tự động xoá.',
    ],
  },
  en: {
    title: 'Camera monitoring (when the sitting uses it)',
    body: [
      'Your camera and microphone are analysed on this device only: how many faces, head direction, a phone or book in view, sustained speech, and leaving the exam window, full screen, copy/paste or a second screen.',
      'If the sitting checks identity, your face is compared on this device with your roster photo, which is sent to this device for your session only. The proctor receives only the result (match or not, and how similar).',
      'No video or sound is sent or stored. The device sends only events (what happened, when, for how long, and measures such as head angle). Only where the sitting allows it, an event may carry one small picture (160×120) from the camera at that moment.',
      'A proctor reviews the events and decides; nothing blocks your exam automatically. Events are kept with your exam; pictures with events are kept for the sitting’s retention period, shown on the page before you start, and then deleted automatically.',
    ],
  },
} as const;

/** The privacy statement for the check-in page. */
export function ProctoringNotice() {
  const { lang } = useI18n();
  const text = NOTICE[lang === 'en' ? 'en' : 'vi'];
  return (
    <section className="proctoring-notice" aria-labelledby="proctoring-notice-title">
      <h2 id="proctoring-notice-title">{text.title}</h2>
      {text.body.map((p) => (
        <p key={p.slice(0, 20)}>{p}</p>
      ))}
    </section>
  );
}
