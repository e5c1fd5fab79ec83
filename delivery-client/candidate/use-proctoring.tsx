/**
 * Proctoring in the candidate app: `useProctoring(exam)` starts the on-device monitor (proctor/client.ts) while
 * the exam page is open and sends its event batches over the exam's own socket (`proctor:events`); the engine
 * answers `proctoring: false` for sittings that do not watch candidates, and the monitor then stops at once
 * (before the camera is asked for). `ProctoringNotice` is the privacy statement shown at check-in.
 */
import { useEffect } from 'react';
import { startMonitor, type DeviceEventBatch, type ProctorMonitor } from '../../proctor/client.ts';
import { useI18n } from '../shared/i18n.tsx';
import type { ExamConnection } from './exam-connection.ts';

interface EventSocket {
  connected: boolean;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/** The exam's socket (one live connection per session: proctoring shares it). */
const socketOf = (exam: ExamConnection) => (exam as unknown as { socket: EventSocket }).socket;

async function send(exam: ExamConnection, batch: DeviceEventBatch): Promise<{ proctoring: boolean } | null> {
  const socket = socketOf(exam);
  if (!socket?.connected) return null;
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck('proctor:events', batch)
    .catch(() => null)) as { ok: boolean; proctoring?: boolean } | null;
  return ack?.ok ? { proctoring: ack.proctoring === true } : null;
}

export function useProctoring(exam: ExamConnection): void {
  useEffect(() => {
    let monitor: ProctorMonitor | undefined;
    let cancelled = false;
    // Ask the engine first with an empty batch, so a sitting without proctoring never opens the camera.
    void (async () => {
      let ack = await send(exam, { sentAt: Date.now(), events: [] });
      for (let i = 0; ack === null && i < 10 && !cancelled; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        ack = await send(exam, { sentAt: Date.now(), events: [] });
      }
      if (cancelled || !ack?.proctoring) return;
      monitor = await startMonitor({ send: (batch) => send(exam, batch) });
      if (cancelled) monitor.stop();
    })();
    return () => {
      cancelled = true;
      monitor?.stop();
    };
  }, [exam]);
}

const NOTICE = {
  vi: {
    title: 'Giám sát bằng camera (nếu kỳ thi bật)',
    body: [
      'Camera và micro chỉ được phân tích ngay trên máy của em: có bao nhiêu khuôn mặt, hướng đầu, điện thoại hoặc sách trong khung hình, tiếng nói kéo dài, và việc rời cửa sổ bài thi, thoát toàn màn hình, sao chép/dán, màn hình thứ hai.',
      'Không có hình ảnh, video hay âm thanh nào được gửi đi hoặc lưu lại. Máy chỉ gửi các sự kiện (loại sự kiện, thời điểm, số đo như góc quay đầu).',
      'Giám thị xem các sự kiện và tự quyết định; hệ thống không tự động đình chỉ bài thi. Sự kiện được lưu cùng bài thi theo thời hạn lưu trữ của kỳ thi.',
    ],
  },
  en: {
    title: 'Camera monitoring (when the sitting uses it)',
    body: [
      'Your camera and microphone are analysed on this device only: how many faces, head direction, a phone or book in view, sustained speech, and leaving the exam window, full screen, copy/paste or a second screen.',
      'No picture, video or sound is sent or stored. The device sends only events (what happened, when, and measures such as head angle).',
      'A proctor reviews the events and decides; nothing blocks your exam automatically. Events are kept with your exam for the sitting’s retention period.',
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
