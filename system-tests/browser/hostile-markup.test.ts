/**
 * Issue 26, finding 3, end to end: every mutation-XSS and namespace-confusion vector of
 * item-bank/test/mxss-vectors.ts goes in through the engine's import route (one QTI file each, as a
 * teacher uploads them), then is opened where people read items — the candidate's exam page and the
 * author's item editor in Chromium. Nothing may run script, open a dialog, frame or load anything
 * outside the engine, submit a form, navigate the page or cover it; the candidate still answers and
 * submits. (PDF reports draw titles and answers as text with PDFKit, which reads no markup.)
 * The model-level checks of the same vectors are in item-bank/qti/sanitise.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { itemBankTables } from '../../item-bank/index.ts';
import { HEADS, VECTORS, vectorItem } from '../../item-bank/test/mxss-vectors.ts';
import { buildSitting } from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { checkIn, shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
}, 300_000);
afterAll(() => stopE2e({ engine, browser }));

function zipOf(files: Array<[string, Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of files) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** What a page did that a sanitised item must never make it do. */
interface Breaches {
  outsideRequests: string[];
  dialogs: string[];
  navigations: string[];
  pageErrors: string[];
}

/** Watches a context: requests leaving the engine are recorded and aborted, dialogs dismissed. */
async function watch(context: BrowserContext, page: Page): Promise<Breaches> {
  const breaches: Breaches = { outsideRequests: [], dialogs: [], navigations: [], pageErrors: [] };
  await context.route(
    (url) => !url.href.startsWith(baseUrl) && !url.protocol.startsWith('blob') && url.protocol !== 'data:',
    (route) => {
      breaches.outsideRequests.push(route.request().url());
      return route.abort();
    },
  );
  // An injected script that ran would leave this mark (the vectors call alert(1)); the page's own
  // confirm() (before submitting) stays a real dialog.
  await context.addInitScript(() => {
    window.alert = () => ((window as unknown as { __ran?: number }).__ran = 1);
  });
  page.on('dialog', (d) => {
    breaches.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(baseUrl))
      breaches.navigations.push(frame.url());
  });
  page.on('pageerror', (e) => breaches.pageErrors.push(e.message));
  return breaches;
}

/** Dangerous things in the DOM under `root` (the item's card or the editor), as short descriptions. */
function domDangers(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const scope = document.querySelector(selector);
    if (!scope) return [`no ${selector}`];
    if ((window as unknown as { __ran?: number }).__ran) found.push('a script ran');
    for (const el of scope.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      if (
        /^(script|iframe|frame|object|embed|form|base|meta|link|style|foreignobject|use|animate|set)$/.test(
          name,
        )
      )
        found.push(`<${name}>`);
      for (const a of el.getAttributeNames()) {
        const value = el.getAttribute(a) ?? '';
        if (/^on/i.test(a) || a === 'srcdoc' || a === 'formaction') found.push(`<${name} ${a}>`);
        if (
          /^(href|src|xlink:href|action|data)$/i.test(a) &&
          /^\s*(javascript|vbscript|data:text)/i.test(value)
        )
          found.push(`<${name} ${a}=${value}>`);
      }
      const style = getComputedStyle(el);
      if (style.position === 'fixed') found.push(`<${name}> position: fixed`);
    }
    // Nothing framed or loaded anywhere on the page, whatever the root.
    for (const el of document.querySelectorAll('iframe, frame, base, meta[http-equiv], form[action^="http"]'))
      found.push(`page <${el.localName}>`);
    return found;
  }, root);
}

describe('hostile item markup in Chromium (issue 26, finding 3)', () => {
  it('imported vectors run nothing and reach nothing on the exam page and in the editor', async () => {
    const tree = await buildOrganisationTree(engine.deps.db);
    const board = await tokenFor(engine, tree.examBoard);
    const bank = await api(engine).post(
      '/api/item-banks',
      { name: 'Vectors', organisationId: tree.office.id },
      board,
    );
    expect(bank.status).toBe(201);

    // Through the import route, as one package: a QTI file per vector and the images they name.
    // Each removal is a warning, never a refusal.
    const names = Object.keys(VECTORS);
    const pixel = PNG.sync.write(Object.assign(new PNG({ width: 1, height: 1 }), {}));
    const files: Array<[string, Buffer]> = names.map((name, index) => [
      `vector-${index + 1}.xml`,
      Buffer.from(vectorItem(VECTORS[name]!, HEADS[name], `vector-${index + 1}`)),
    ]);
    for (const image of ['a.png', 'ok.png', 'x']) files.push([image, pixel]);
    const res = await fetch(`${baseUrl}/api/item-banks/${bank.data.id}/import?filename=vectors.zip`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board}`, 'content-type': 'application/zip' },
      body: new Uint8Array(await zipOf(files)),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const ids: string[] = [];
    for (const [index, name] of names.entries()) {
      const [row] = await engine.deps.db
        .select({ id: itemBankTables.items.id, xml: itemBankTables.itemVersions.qtiXml })
        .from(itemBankTables.items)
        .innerJoin(
          itemBankTables.itemVersions,
          eq(itemBankTables.itemVersions.itemId, itemBankTables.items.id),
        )
        .where(
          and(
            eq(itemBankTables.items.bankId, bank.data.id),
            eq(itemBankTables.items.identifier, `vector-${index + 1}`),
          ),
        );
      expect(row?.xml, name).not.toMatch(
        /javascript:|xml:base|target="_top"|<([a-z]+:)?(script|iframe|base|meta|form)[\s/>]|\son[a-z]+=/i,
      );
      ids.push(row!.id);
    }

    // The candidate opens every item.
    const sitting = await buildSitting(engine, tree, ids, {
      students: 1,
      navigationMode: 'nonlinear',
      securityPolicy: { fullscreen: false },
    });
    const candidateContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
    });
    const candidatePage = await candidateContext.newPage();
    const candidateBreaches = await watch(candidateContext, candidatePage);
    await checkIn(candidatePage, baseUrl, sitting.accessCode, sitting.candidates[0]!);
    await candidatePage.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    const perItem: Record<string, string[]> = {};
    for (const [index, name] of names.entries()) {
      const heading = `Câu ${index + 1} / ${names.length}`;
      if (index > 0) await candidatePage.getByRole('button', { name: 'Câu sau' }).click();
      await candidatePage.getByRole('heading', { name: heading }).waitFor();
      await candidatePage.locator('.item-card input[type="radio"]').first().waitFor();
      const found = await domDangers(candidatePage, '.item-card');
      if (found.length) perItem[name] = found;
      expect(new URL(candidatePage.url()).origin).toBe(baseUrl);
    }
    // The slowest vector is an 8 s meta refresh: wait past it on the last page.
    await candidatePage.waitForTimeout(9_000);
    await shot(candidatePage, 'hostile-markup-candidate');
    expect(perItem).toEqual({});
    expect(candidateBreaches).toEqual({ outsideRequests: [], dialogs: [], navigations: [], pageErrors: [] });

    // The items still work: the candidate answers A everywhere and submits.
    for (const [index] of names.entries()) {
      await candidatePage.getByRole('button', { name: new RegExp(`^Câu ${index + 1}( |$)`) }).click();
      await candidatePage.getByRole('heading', { name: `Câu ${index + 1} / ${names.length}` }).waitFor();
      await candidatePage.locator('.item-card input[type="radio"]').first().check();
    }
    await candidatePage.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    // The engine's own confirmation now: the watcher's dismissal gives way to an acceptance.
    candidatePage.removeAllListeners('dialog');
    candidatePage.once('dialog', (d) => void d.accept());
    await candidatePage.getByRole('button', { name: 'Nộp bài' }).click();
    await candidatePage.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();
    await candidateContext.close();

    // The author opens every item in the editor.
    const authorContext = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1280, height: 900 },
    });
    const authorPage = await authorContext.newPage();
    const authorBreaches = await watch(authorContext, authorPage);
    await signInToAuthor(authorPage, baseUrl, tree.examBoard);
    await authorPage.getByRole('button', { name: /Đăng xuất/ }).waitFor();
    const inEditor: Record<string, string[]> = {};
    for (const [index, name] of names.entries()) {
      await authorPage.evaluate((id) => (location.hash = `#/items/${id}/edit`), ids[index]!);
      await authorPage.getByRole('heading', { name: 'Sửa câu hỏi' }).waitFor();
      // The live preview draws the item with the candidate app's renderer.
      await authorPage.locator('[data-testid="item-preview"] input[type="radio"]').first().waitFor();
      const found = await domDangers(authorPage, 'main');
      if (found.length) inEditor[name] = found;
    }
    await authorPage.waitForTimeout(9_000);
    await shot(authorPage, 'hostile-markup-editor');
    expect(inEditor).toEqual({});
    expect(authorBreaches).toEqual({ outsideRequests: [], dialogs: [], navigations: [], pageErrors: [] });
    await authorContext.close();
  }, 300_000);
});
