/**
 * The lobby's camera check (issue 18 #15), for sittings that use the camera: the candidate sees their own
 * camera preview and whether the on-device detector (proctor/client, the same monitor the exam runs) sees
 * exactly one face; they may start once it has. Nothing is sent: the check's events stay on this page, and the
 * camera is closed when the lobby is left (the exam opens its own monitor).
 */
import { useEffect, useRef, useState } from 'react';
import { createDetectionWorker, startMonitor, type ProctorMonitor } from '../../../proctor/client.ts';
import { useI18n } from '../../shared/i18n.tsx';

type Seen = 'opening' | 'looking' | 0 | 1 | 2 | 'unavailable';

const TEXT = {
  vi: {
    title: 'Kiểm tra camera',
    preview: 'Hình từ camera của em (chỉ hiện trên máy này)',
    opening: 'Đang mở camera…',
    looking: 'Đang tìm khuôn mặt…',
    0: 'Chưa thấy khuôn mặt: em hãy ngồi ngay trước camera, đủ ánh sáng.',
    1: 'Đã thấy khuôn mặt của em. Em có thể bắt đầu.',
    2: 'Camera thấy nhiều hơn một người: chỉ em được ngồi trước camera.',
    unavailable:
      'Không mở được camera. Em hãy cho phép trình duyệt dùng camera rồi tải lại trang, hoặc báo giám thị.',
  },
  en: {
    title: 'Camera check',
    preview: 'Your camera picture (shown on this device only)',
    opening: 'Opening the camera…',
    looking: 'Looking for your face…',
    0: 'No face seen yet: sit right in front of the camera, in good light.',
    1: 'Your face is seen. You may start.',
    2: 'The camera sees more than one person: only you may sit in front of it.',
    unavailable:
      'The camera could not be opened. Allow the browser to use it and reload the page, or tell the proctor.',
  },
} as const;

/** Starts the camera and detector, shows the preview, and reports whether exactly one face is seen. */
export function CameraCheck({ onReady }: { onReady(): void }) {
  const { lang } = useI18n();
  const text = TEXT[lang === 'en' ? 'en' : 'vi'];
  const [seen, setSeen] = useState<Seen>('opening');
  const preview = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    let monitor: ProctorMonitor | undefined;
    let cancelled = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    void (async () => {
      monitor = await startMonitor({
        // Kept on the page: the lobby's check reports nothing to the engine.
        send: async (batch) => {
          for (const e of batch.events) {
            if (e.kind === 'faces') setSeen(e.count);
            if (e.kind === 'camera' && !e.available) setSeen('unavailable');
          }
          return { proctoring: true };
        },
        detectionWorker: createDetectionWorker,
        batchIntervalMs: 500,
      });
      if (cancelled) return monitor.stop();
      poll = setInterval(() => {
        const video = monitor?.video;
        if (!video || !preview.current || preview.current.contains(video)) return;
        video.setAttribute('aria-label', text.preview);
        preview.current.append(video);
        setSeen((s) => (s === 'opening' ? 'looking' : s));
      }, 300);
    })();
    return () => {
      cancelled = true;
      if (poll) clearInterval(poll);
      monitor?.video?.remove();
      monitor?.stop();
    };
  }, [text.preview]);

  // Once the face has been seen the candidate may start (a look away meanwhile does not take it back).
  useEffect(() => {
    if (seen === 1) ready.current();
  }, [seen]);

  return (
    <section className="camera-check" aria-labelledby="camera-check-title">
      <h2 id="camera-check-title">{text.title}</h2>
      <div className="camera-preview" ref={preview} />
      <p role="status" className={seen === 1 ? 'camera-ok' : 'camera-wait'}>
        <strong>{text[seen]}</strong>
      </p>
    </section>
  );
}
