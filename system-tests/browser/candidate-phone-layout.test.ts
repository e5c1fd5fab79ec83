/**
 * Issue 18 #7: the exam page at phone width. A sitting with a long question and long options (and a
 * few other interactions: a match table, an order list, an inline choice, a picture) is taken at
 * 320, 390 and 768 px and on a desktop: the page never scrolls sideways, and at 390 px the question
 * reads across the screen (its paragraph at least 80 % of the viewport), not one word per line.
 * Screenshots: candidate-layout-<width>-<n>.png (and the largest text size at 320 px).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseItemXml } from '../../item-bank/index.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { buildE2eSitting, loadE2eItems, type E2eItem } from './e2e-sitting.ts';
import { checkIn, shot } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

const QUESTION =
  'Một người đi xe đạp từ thành phố Hồ Chí Minh về Bình Dương với vận tốc không đổi trong suốt quãng đường dài ' +
  'ba mươi sáu ki-lô-mét; sau khi nghỉ ở trạm dừng chân mười lăm phút, người đó quay về theo một con đường khác ' +
  'dài hơn bốn ki-lô-mét với vận tốc lớn hơn lúc đi hai ki-lô-mét mỗi giờ, và thời gian về ít hơn thời gian đi ' +
  'mười hai phút. Hỏi vận tốc của người đi xe đạp lúc đi là bao nhiêu ki-lô-mét mỗi giờ?';
const OPTIONS = [
  'Mười hai ki-lô-mét mỗi giờ, vì khi đó thời gian đi là ba giờ và thời gian về đúng bằng hai giờ bốn mươi tám phút',
  'Mười lăm ki-lô-mét mỗi giờ, vì thời gian đi là hai giờ hai mươi tư phút và thời gian về là hai giờ mười hai phút',
  'Mười tám ki-lô-mét mỗi giờ (xem https://vi.wikipedia.org/wiki/V%E1%BA%ADn_t%E1%BB%91c_trung_b%C3%ACnh_c%E1%BB%A7a_chuy%E1%BB%83n_%C4%91%E1%BB%99ng)',
  'Hai mươi ki-lô-mét mỗi giờ: ThờiGianĐiVàThờiGianVềĐượcTínhBằngQuãngĐườngChiaChoVậnTốcTrungBìnhCủaMỗiLượt',
];

function longItem(): E2eItem {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="E2E-LONG-CHOICE" title="Câu hỏi dài" adaptive="false" time-dependent="false" xml:lang="vi">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-item-body>
    <p class="long-question">${QUESTION}</p>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
      <qti-prompt>Chọn đáp án đúng.</qti-prompt>
      ${OPTIONS.map((o, i) => `<qti-simple-choice identifier="${'ABCD'[i]}">${o}</qti-simple-choice>`).join('\n      ')}
    </qti-choice-interaction>
  </qti-item-body>
  <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
</qti-assessment-item>`;
  const { item, problems } = parseItemXml(xml, 'long-choice.xml');
  if (!item) throw new Error(problems.map((p) => p.message).join('; '));
  return { file: 'long-choice.xml', xml, item };
}

/** The page's scroll width against the window's, and the elements sticking out of the window on either side. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.scrollingElement!;
    const width = window.innerWidth;
    const out = [...document.querySelectorAll('body *')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      // Sticking out on either side (content pushed off the left edge cannot even be scrolled to).
      .filter(({ el, box }) => (box.right > width + 1 || box.left < -1) && !el.closest('.sr-only'))
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)}..${Math.round(box.right)}`,
      );
    return { scrollWidth: scroller.scrollWidth, innerWidth: width, out: out.slice(0, 5) };
  });

describe('the exam page at phone, tablet and desktop widths', () => {
  it('never scrolls sideways, and at 390 px the question reads across the screen', async () => {
    const others = ['02-order.xml', '04-match.xml', '06-inline-choice.xml', '10-hotspot.xml'];
    const items = [longItem(), ...loadE2eItems().filter((i) => others.includes(i.file))];
    const sitting = await buildE2eSitting(engine, items, {
      navigationMode: 'nonlinear',
      securityPolicy: { fullscreen: false },
      students: 4,
    });
    const widths = [
      { width: 320, height: 640 },
      { width: 390, height: 844 },
      { width: 768, height: 1024 },
      { width: 1280, height: 900 },
    ];
    for (const [i, viewport] of widths.entries()) {
      const context = await browser.newContext({
        locale: 'vi-VN',
        viewport,
        hasTouch: viewport.width < 1000,
      });
      const page = await context.newPage();
      await checkIn(page, baseUrl, sitting.accessCode, sitting.candidates[i]!);
      expect(await overflow(page), `lobby at ${viewport.width}`).toMatchObject({ out: [] });
      await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
      for (let n = 1; n <= items.length; n++) {
        if (n > 1) await page.getByRole('button', { name: new RegExp(`^Câu ${n}( |$)`) }).click();
        await page.getByRole('heading', { name: `Câu ${n} / ${items.length}` }).waitFor();
        await page.locator('.item-body').waitFor();
        await page.waitForTimeout(300); // pictures and media settle
        const seen = await overflow(page);
        expect(
          seen.scrollWidth,
          `item ${n} at ${viewport.width}: ${seen.out.join(', ')}`,
        ).toBeLessThanOrEqual(seen.innerWidth);
        expect(seen.out, `item ${n} at ${viewport.width}`).toEqual([]);
        if (viewport.width <= 390 || n === 1) await shot(page, `candidate-layout-${viewport.width}-${n}`);
      }
      if (viewport.width === 320) {
        // The largest text size on the smallest phone still fits.
        await page.getByRole('button', { name: /^Câu 1( |$)/ }).click();
        const larger = page.getByRole('button', { name: /A\+$/ });
        await larger.click();
        await larger.click();
        await page.waitForTimeout(200);
        const seen = await overflow(page);
        expect(seen.scrollWidth, `largest text at 320: ${seen.out.join(', ')}`).toBeLessThanOrEqual(320);
        expect(seen.out, 'largest text at 320').toEqual([]);
        await shot(page, 'candidate-layout-320-largest-text');
      }
      if (viewport.width === 390) {
        await page.getByRole('button', { name: /^Câu 1( |$)/ }).click();
        const question = page.locator('.item-body p', { hasText: 'Một người đi xe đạp' });
        const box = (await question.boundingBox())!;
        expect(box.width / viewport.width).toBeGreaterThanOrEqual(0.8);
        // Every option is on screen in full, and can be chosen.
        for (const text of OPTIONS) {
          const option = page.locator('.choices label', { hasText: text.slice(0, 30) });
          const b = (await option.boundingBox())!;
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
        }
        await page.getByLabel(/^A\. Mười hai/).check();
        await page.getByText('Đã lưu').waitFor();
        await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
        await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
        expect(await overflow(page), 'review at 390').toMatchObject({ out: [] });
        await shot(page, 'candidate-layout-390-review');
      }
      await context.close();
    }
  }, 240_000);
});
