/**
 * Browser side of the input-latency benchmark: a textarea and a button on the lab page, and for every key down,
 * key up or click the delay from the input event's own timestamp (when the browser received the input) to its handler on the
 * main thread, and to the next animation frame after it (where the page can paint the change). The Event Timing
 * API reports, besides, every event whose processing up to the next paint took 16 ms or more (its floor).
 */

export interface InputSample {
  type: string;
  /** event.timeStamp -> handler start, ms. */
  delayMs: number;
  /** event.timeStamp -> next animation frame after the handler, ms. */
  toFrameMs: number;
}

export interface SlowEvent {
  name: string;
  /** Event Timing duration (start to next paint), ms, rounded by the browser to 8 ms. */
  durationMs: number;
  /** startTime -> processingStart, ms. */
  delayMs: number;
}

interface EventTimingEntry extends PerformanceEntry {
  processingStart: number;
}

const WATCHED = new Set(['keydown', 'keyup', 'keypress', 'input', 'pointerdown', 'pointerup', 'click']);

export function createLatencyProbe() {
  const area = document.createElement('textarea');
  area.setAttribute('aria-label', 'answer');
  area.rows = 6;
  area.cols = 60;
  const button = document.createElement('button');
  button.textContent = 'flag';
  const count = document.createElement('output');
  document.body.append(area, button, count);
  let samples: InputSample[] = [];
  let slow: SlowEvent[] = [];
  let longTasks: number[] = [];
  // Long tasks (50 ms or more) of the main thread: what a detector there costs the page.
  const longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  let handled = 0;
  const record = (event: Event) => {
    const start = performance.now();
    count.textContent = String(++handled); // a DOM change for the next frame to paint
    requestAnimationFrame(() => {
      samples.push({
        type: event.type,
        delayMs: start - event.timeStamp,
        toFrameMs: performance.now() - event.timeStamp,
      });
    });
  };
  area.addEventListener('keydown', record);
  // Key ups count as much: a driver (and a typist) sends the next key down only after the key up is handled.
  area.addEventListener('keyup', record);
  button.addEventListener('click', record);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as EventTimingEntry[]) {
      if (!WATCHED.has(entry.name)) continue;
      slow.push({
        name: entry.name,
        durationMs: entry.duration,
        delayMs: entry.processingStart - entry.startTime,
      });
    }
  });
  return {
    start() {
      samples = [];
      slow = [];
      longTasks = [];
      area.value = '';
      area.focus();
      observer.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      longTaskObserver.observe({ type: 'longtask' });
    },
    /** Waits two frames so the last samples land, then returns them. */
    async stop(): Promise<{ samples: InputSample[]; slow: SlowEvent[]; longTasks: number[] }> {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      slow.push(
        ...(observer.takeRecords() as EventTimingEntry[])
          .filter((e) => WATCHED.has(e.name))
          .map((e) => ({ name: e.name, durationMs: e.duration, delayMs: e.processingStart - e.startTime })),
      );
      observer.disconnect();
      longTasks.push(...longTaskObserver.takeRecords().map((e) => e.duration));
      longTaskObserver.disconnect();
      return { samples, slow, longTasks };
    },
  };
}
