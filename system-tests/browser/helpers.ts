/** Shared steps of the browser tests: accessibility check, screenshots, check-in, stored answers. */
import { AxeBuilder } from '@axe-core/playwright';
import { sql } from 'drizzle-orm';
import path from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { expect } from 'vitest';
import { rowsOf } from '../../engine/platform/db/rows.ts';
import type { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { screenshotDir } from './browser.ts';
import { typedDate } from './e2e-sitting.ts';

export async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${where}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

/** Fills the check-in form and waits for the lobby. */
export async function checkIn(
  page: Page,
  baseUrl: string,
  accessCode: string,
  candidate: { candidateNumber: string; dateOfBirth: string },
) {
  await page.goto(`${baseUrl}/candidate/`);
  await page.getByLabel('Mã phòng thi').fill(accessCode);
  await page.getByLabel('Số báo danh').fill(candidate.candidateNumber);
  await page.getByLabel('Ngày sinh (ngày/tháng/năm)').fill(typedDate(candidate.dateOfBirth));
  await page.getByRole('button', { name: 'Vào phòng thi' }).click();
  await page.getByRole('heading', { name: 'Xác nhận thông tin thí sinh' }).waitFor();
}

/** The latest stored answer of every item of a session, from the responses table. */
export async function storedAnswers(engine: TestEngine, sessionId: string) {
  const latest = rowsOf<{ item_ref: string; value: unknown }>(
    await engine.deps.db.execute(
      sql`select distinct on (item_ref) item_ref, value from responses where session_id = ${sessionId} order by item_ref, client_seq desc`,
    ),
  );
  return Object.fromEntries(
    latest.map((r) => [r.item_ref, typeof r.value === 'string' ? JSON.parse(r.value) : r.value]),
  ) as Record<string, Record<string, unknown>>;
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
export async function tabTo(
  page: Page,
  matches: (el: { tag: string; name: string; type: string }) => boolean,
  max = 250,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { tag: '', name: '', type: '' };
      const labelled = a.getAttribute('aria-labelledby');
      const name =
        a.getAttribute('aria-label') ??
        (labelled ? document.getElementById(labelled)?.textContent : null) ??
        ((a as HTMLInputElement).labels?.[0]?.textContent || a.textContent || '');
      return {
        tag: a.tagName.toLowerCase(),
        name: name.replace(/\s+/g, ' ').trim(),
        type: a.getAttribute('type') ?? '',
      };
    });
    if (matches(el)) return el;
  }
  throw new Error('tabTo: nothing matched');
}

/** Creates an item bank of school A through the API, as its teacher; returns the bank's id. */
export async function createSchoolBank(
  engine: TestEngine,
  tree: Awaited<ReturnType<typeof buildOrganisationTree>>,
  name: string,
): Promise<string> {
  const bank = await api(engine).post(
    '/api/item-banks',
    { name, organisationId: tree.schoolA.id },
    await tokenFor(engine, tree.teacherA),
  );
  expect(bank.status).toBe(201);
  return bank.data.id as string;
}

/**
 * Opens the authoring app and signs in. Another test process of the same checkout may be rebuilding
 * the shared dist folder (its global setup builds when sources are newer), so a missing page is
 * retried a while.
 */
export async function signInToAuthor(
  page: Page,
  baseUrl: string,
  who: { username: string; password: string },
) {
  const login = page.getByLabel('Tên đăng nhập');
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${baseUrl}/author/`);
    try {
      await login.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 15) throw error;
      await page.waitForTimeout(3_000);
    }
  }
  await login.fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * The page's socket goes through the test: `drop()` closes it and refuses new ones (and takes the context
 * offline for HTTP), `restore()` lets them through again.
 */
export async function cuttableLine(page: Page) {
  let up = true;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (!up) return void ws.close();
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    async drop() {
      up = false;
      await page.context().setOffline(true);
      await Promise.all([...open].map((ws) => ws.close()));
    },
    async restore() {
      up = true;
      await page.context().setOffline(false);
    },
  };
}

/**
 * Waits for the editor to tell how a save went, and checks that it says `expected`. A save can take a
 * while on a loaded machine; when it ends otherwise (unchanged, or refused with problems), the
 * failure shows what the page said instead of a bare timeout.
 */
export async function expectSaveOutcome(page: Page, expected: RegExp | string) {
  const status = page.getByRole('status').filter({ hasText: /phiên bản \d+/ });
  const problems = page.locator('.problems[role="alert"]');
  await status.or(problems).first().waitFor({ timeout: 90_000 });
  const said = (await status.count()) ? await status.first().innerText() : await problems.innerText();
  if (typeof expected === 'string') expect(said.trim()).toBe(expected);
  else expect(said).toMatch(expected);
}

/** Opens a new item in the QTI item editor ("Soạn câu hỏi (mọi dạng)") from the bank page. */
export async function openNewEditor(page: Page) {
  await page.getByRole('button', { name: 'Ngân hàng câu hỏi' }).click();
  await page.getByRole('button', { name: 'Soạn câu hỏi (mọi dạng)' }).click();
  await page.getByRole('heading', { name: 'Soạn câu hỏi theo chuẩn QTI' }).waitFor();
}
