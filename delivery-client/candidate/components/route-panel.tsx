/**
 * QTI test parts on the candidate's screen: the part the candidate is in, time left per level
 * (part, section, item) from the server's clock, and, in individual submission mode, the
 * per-item submit with attempts left, feedback and the correct answer when the test shows them.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { ExamConnection, ExamState } from '../exam-connection.ts';

const text = {
  vi: {
    part: 'Phần {n}/{total}',
    level: { test: 'Bài thi', part: 'Phần', section: 'Mục', item: 'Câu' },
    timeLeft: 'Còn lại',
    submitItem: 'Nộp câu này',
    attemptsLeft: 'Còn {n} lượt trả lời',
    closed: 'Câu này đã khép lại.',
    feedback: 'Nhận xét',
    solution: 'Đáp án đúng',
    routeEnded: 'Đã hết câu hỏi: hãy nộp bài.',
    refusals: {
      min_time_not_reached: 'Hãy ở lại thêm một chút trước khi chuyển tiếp.',
      time_limit_reached: 'Đã hết thời gian cho phần này.',
      attempts_exhausted: 'Đã hết lượt trả lời cho câu này.',
      invalid_response: 'Câu trả lời chưa hợp lệ (ví dụ: chưa chọn đủ số lựa chọn).',
      part_closed: 'Phần này đã kết thúc.',
      review_not_allowed: 'Không được xem lại câu này.',
      answer_required: 'Hãy trả lời câu này trước khi chuyển tiếp.',
      item_closed: 'Câu này đã khép lại: câu trả lời mới nhất không được nhận.',
      response_too_large: 'Câu trả lời quá dài nên không được lưu. Hãy rút gọn rồi trả lời lại.',
      answer_too_late: 'Đã hết giờ: câu trả lời không được nhận.',
      invalid_payload: 'Câu trả lời không hợp lệ nên không được lưu.',
      offline_move: 'Đang mất kết nối: câu này sẽ mở được khi có mạng lại.',
    } as Record<string, string>,
  },
  en: {
    part: 'Part {n} of {total}',
    level: { test: 'Test', part: 'Part', section: 'Section', item: 'Question' },
    timeLeft: 'Time left',
    submitItem: 'Submit this question',
    attemptsLeft: '{n} attempt(s) left',
    closed: 'This question is closed.',
    feedback: 'Feedback',
    solution: 'Correct answer',
    routeEnded: 'There are no more questions: submit the test.',
    refusals: {
      min_time_not_reached: 'Stay a little longer before moving on.',
      time_limit_reached: 'The time for this part is over.',
      attempts_exhausted: 'No attempts are left for this question.',
      invalid_response: 'The answer is not complete yet (for example, too few choices).',
      part_closed: 'This part is over.',
      review_not_allowed: 'This question may not be reviewed.',
      answer_required: 'Answer this question before moving on.',
      item_closed: 'This question is closed: the latest answer was not accepted.',
      response_too_large: 'The answer is too long to be saved. Shorten it and answer again.',
      answer_too_late: 'The time is over: the answer was not accepted.',
      invalid_payload: 'The answer is not valid and was not saved.',
      offline_move: 'The connection is down: this question opens when it is back.',
    } as Record<string, string>,
  },
};

const fill = (s: string, values: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

const clock = (ms: number) => {
  const total = Math.ceil(ms / 1000);
  return [Math.floor(total / 60), total % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

/** The visible text of feedback content (the item bank's content nodes). */
function plain(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(plain).join('');
  if (content && typeof content === 'object') {
    const node = content as { kind?: string; text?: string; children?: unknown[] };
    if (node.kind === 'text') return node.text ?? '';
    return plain(node.children ?? []);
  }
  return '';
}

export function RouteBar({ state }: { state: ExamState }) {
  const { lang } = useI18n();
  const m = text[lang];
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const parts = state.snapshot?.route?.parts ?? [];
  const index = parts.findIndex((p) => state.position >= p.start && state.position < p.end);
  const levels = state.levels.filter((l) => l.level !== 'test' && l.remainingMs !== null);
  if (parts.length < 2 && !levels.length && !state.routeEnded && !state.routeRefusal) return null;
  return (
    <div className="route-bar" role="status">
      {parts.length > 1 && <strong>{fill(m.part, { n: index + 1, total: parts.length })}</strong>}
      {levels.map((l) => {
        const left = l.localDeadline === null ? (l.remainingMs ?? 0) : Math.max(0, l.localDeadline - now);
        return (
          <span key={`${l.level}:${l.identifier}`} className={left < 60_000 ? 'timer low' : 'timer'}>
            {m.level[l.level]} · {m.timeLeft} {clock(left)}
          </span>
        );
      })}
      {state.routeEnded && <span>{m.routeEnded}</span>}
      {state.routeRefusal && m.refusals[state.routeRefusal] && (
        <span role="alert">{m.refusals[state.routeRefusal]}</span>
      )}
    </div>
  );
}

export function ItemSubmit({
  exam,
  state,
  itemRef,
}: {
  exam: ExamConnection;
  state: ExamState;
  itemRef: string;
}) {
  const { lang } = useI18n();
  const m = text[lang];
  const entry = state.snapshot?.form.find((e) => e.itemRef === itemRef);
  if (!entry?.submitIndividually) return null;
  const result = state.itemResults[itemRef];
  const used = result?.attempt ?? state.snapshot?.route?.attempts[itemRef] ?? 0;
  const max = entry.maxAttempts ?? 1;
  const closed =
    result?.closed || state.snapshot?.route?.closed.includes(itemRef) || (max > 0 && used >= max);
  return (
    <div className="item-submit">
      {closed ? (
        <p>{m.closed}</p>
      ) : (
        <button type="button" className="primary" onClick={() => void exam.submitItem(itemRef)}>
          {m.submitItem}
        </button>
      )}
      {max > 0 && !closed && <p>{fill(m.attemptsLeft, { n: max - used })}</p>}
      {result?.feedback?.map((f) => (
        <div key={f.identifier} className="banner message" role="status">
          <strong>{f.title ?? m.feedback}</strong> {plain(f.content)}
        </div>
      ))}
      {result?.solution && (
        <p className="solution">
          <strong>{m.solution}:</strong>{' '}
          {Object.values(result.solution)
            .map((v) => (Array.isArray(v) ? v.join(', ') : String(v)))
            .join('; ')}
        </p>
      )}
    </div>
  );
}
