/**
 * Issue 19: a marker listens to a recorded answer in the marking view. A speaking task (an upload
 * interaction, no response processing) is answered with a one-second recording, taken over the
 * real delivery commands and left pending by the engine's real QTI scorer; in Chromium the
 * teacher's marking view has an audio player for it (labelled, loaded and playable: Chromium
 * decodes its duration) beside the download link.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, parseItemXml, plainText, saveItemVersion } from '../../item-bank/index.ts';
import { startSession, submitSession } from '../../engine/delivery/session-commands.ts';
import { createQtiScorer } from '../../engine/results/qti-scorer.ts';
import { scoreSession } from '../../engine/results/score-session.ts';
import { sittings } from '../../engine/sittings/tables.ts';
import { buildSitting, checkInCandidate } from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { startE2e, stopE2e } from './browser.ts';
import { shot, signInToAuthor } from './helpers.ts';

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

const SPEAKING_XML = `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="S1" title="Nói: giới thiệu bản thân" adaptive="false" time-dependent="false" xml:lang="vi">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="file"/>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>
  <qti-outcome-declaration identifier="MAXSCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>2</qti-value></qti-default-value></qti-outcome-declaration>
  <qti-item-body>
    <p>Em hãy ghi âm lời giới thiệu bản thân bằng tiếng Anh (khoảng 30 giây).</p>
    <qti-upload-interaction response-identifier="RESPONSE"/>
  </qti-item-body>
</qti-assessment-item>`;

/** One second of a 440 Hz tone as a 16-bit mono WAV file (8 kHz). */
function toneWav(): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++)
    samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

const RECORDING = `data:audio/wav;name=${encodeURIComponent('gioi-thieu.wav')};base64,${toneWav().toString('base64')}`;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
}, 240_000);
afterAll(() => stopE2e({ engine, browser }));

describe('a marker listens to a recorded answer', () => {
  it('the marking view has a playable audio player for the recording, and the download', async () => {
    const tree = await buildOrganisationTree(engine.deps.db);
    const { db } = engine.deps;
    const [bank] = await db
      .insert(itemBankTables.itemBanks)
      .values({ name: `Tiếng Anh ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
      .returning();
    const { item } = parseItemXml(SPEAKING_XML);
    const saved = await db.transaction((tx) =>
      saveItemVersion(tx, bank!.id, {
        identifier: item!.identifier,
        title: item!.title,
        sourceFormat: 'qti3.0',
        qtiXml: SPEAKING_XML,
        model: item!,
        text: plainText([item!.body]),
        interactionTypes: ['uploadInteraction'],
      }),
    );
    const sitting = await buildSitting(engine, tree, [saved.itemId], { students: 1 });
    await db
      .update(sittings)
      .set({ organisationId: tree.schoolA.id })
      .where(eq(sittings.id, sitting.sittingId));
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[0]!);
    await startSession(db, sessionId);
    const answer = await engine.writer.save({
      sessionId,
      itemRef: 'S1',
      seq: 1,
      responses: { RESPONSE: RECORDING },
    });
    expect(answer.ok).toBe(true);
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, engine.deps.scorer ?? createQtiScorer(), sessionId);

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signInToAuthor(page, baseUrl, tree.teacherA);
    await page.getByRole('button', { name: 'Chấm bài' }).click();
    await page.getByRole('link', { name: 'Mở Kiểm tra giữa kỳ Toán 9' }).click();
    await page.getByRole('button', { name: 'Chấm Nói: giới thiệu bản thân' }).click();
    await page.getByText('Em hãy ghi âm lời giới thiệu bản thân bằng tiếng Anh (khoảng 30 giây).').waitFor();

    const player = page.locator('.marking-file audio[controls]');
    await player.waitFor();
    expect(await player.getAttribute('aria-label')).toBe('Nghe bài ghi âm của thí sinh (gioi-thieu.wav)');
    // The author page's CSP takes no data: media, so the player gets the recording as a blob.
    await expect.poll(() => player.getAttribute('src')).toMatch(/^blob:/);
    // Chromium reads the recording: its metadata loads and it lasts one second.
    const duration = await player.evaluate(
      (audio: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          setTimeout(() => reject(new Error(`no metadata, readyState ${audio.readyState}`)), 20_000);
          if (audio.readyState >= 1) resolve(audio.duration);
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
          audio.addEventListener('error', () => reject(new Error(`audio error ${audio.error?.code}`)));
          audio.load();
        }),
    );
    expect(duration).toBeCloseTo(1, 1);
    // It plays (muted: no sound card needed) and moves on.
    const played = await player.evaluate(async (audio: HTMLAudioElement) => {
      audio.muted = true;
      await Promise.race([
        audio.play(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('play() did not start')), 20_000)),
      ]);
      // Without a sound card Chromium starts its fake audio output first: the clock can stand still for the
      // first few hundred milliseconds (seen 300-600 ms with Chromium 156.0.8078.129), so wait for it to move.
      const until = Date.now() + 10_000;
      while (audio.currentTime === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      audio.pause();
      return audio.currentTime;
    });
    expect(played).toBeGreaterThan(0);
    const download = page.getByRole('link', { name: /^Tải tệp gioi-thieu\.wav \(\d+ KB\)$/ });
    expect(await download.getAttribute('download')).toBe('gioi-thieu.wav');
    await shot(page, 'author-marking-audio');
    await context.close();
  }, 200_000);
});
