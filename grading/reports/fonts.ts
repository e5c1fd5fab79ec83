/**
 * DejaVu Sans (full Vietnamese coverage) from the `dejavu-fonts-ttf` npm package, read and parsed
 * once per process from node_modules; nothing is fetched at run time. Every document gets the same
 * parsed fontkit font, so its tables and glyph cache are built once rather than per report (which
 * is what makes thousands of reports a minute possible); pdfkit still embeds a per-document subset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/** A parsed font as pdfkit's `registerFont` accepts it (anything with `layout`). */
export type ParsedFont = { layout(text: string, features?: unknown): unknown };

let cached: { regular: ParsedFont; bold: ParsedFont } | undefined;

function fontDir(): string {
  // The package has no entry point; resolve its package.json and read the ttf folder beside it.
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** The regular and bold DejaVu Sans fonts, parsed. */
export function reportFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!cached) {
    const load = (file: string) =>
      withSharedLayout(fontkit.create(readFileSync(path.join(fontDir(), file))) as ParsedFont);
    cached = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
    cacheSubsetGlyphs(cached.regular);
  }
  return cached;
}

interface Position {
  xAdvance: number;
  [key: string]: number;
}
interface Run {
  glyphs: unknown[];
  positions: Position[];
}

/**
 * Memoises text shaping (fontkit's GSUB/GPOS layout, the costliest step) across documents. pdfkit
 * scales the positions of a run in place, so each call gets fresh copies of the cached positions;
 * `advanceWidth` is computed from them, as fontkit's GlyphRun does.
 */
function withSharedLayout(font: ParsedFont): ParsedFont {
  const cache = new Map<string, Run>();
  const layout = (text: string, features?: unknown): Run & { advanceWidth: number } => {
    const key = features ? `${text}\u0000${JSON.stringify(features)}` : text;
    let run = cache.get(key);
    if (!run) {
      const fresh = font.layout(text, features) as Run;
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map((p) => ({ ...p })) };
      if (cache.size > 100_000) cache.clear();
      cache.set(key, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  return new Proxy(font, {
    get: (target, prop, receiver) => (prop === 'layout' ? layout : Reflect.get(target, prop, receiver)),
  });
}

interface SubsetInternals {
  font: {
    getGlyph(gid: number): {
      _decode(): unknown;
      advanceWidth: number;
      _getMetrics(): { leftBearing: number };
    };
    loca: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
    _variationProcessor?: unknown;
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
}
interface CachedGlyph {
  bytes: Uint8Array;
  /** Component glyph ids of a composite glyph and where each id sits in `bytes`. */
  components: { id: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}
type AddGlyph = (this: SubsetInternals, gid: number) => number;

/** fontkit's own TTFSubset._addGlyph, kept for the test that compares both. @internal */
export let uncachedAddGlyph: AddGlyph | undefined;

/**
 * Every report embeds a subset of DejaVu, and fontkit builds it by decoding each used glyph from
 * the font file again (a quarter of a report's CPU time in a profile). This keeps each glyph's
 * bytes and metrics per font, so a subset only copies them and renumbers the components of
 * composite glyphs (most Vietnamese letters with diacritics) as fontkit does: same bytes out.
 * It replaces the method on fontkit's TrueType subset class, so it applies once per process.
 */
function cacheSubsetGlyphs(font: ParsedFont): void {
  const proto = Object.getPrototypeOf((font as unknown as { createSubset(): object }).createSubset()) as {
    _addGlyph: AddGlyph;
  };
  if (uncachedAddGlyph) return;
  const original = proto._addGlyph;
  uncachedAddGlyph = original;
  const caches = new WeakMap<object, Map<number, CachedGlyph>>();
  proto._addGlyph = function addCachedGlyph(this: SubsetInternals, gid: number): number {
    // Variable fonts re-encode glyph outlines per instance: leave them to fontkit.
    if (this.font._variationProcessor) return original.call(this, gid);
    let cache = caches.get(this.font);
    if (!cache) caches.set(this.font, (cache = new Map()));
    let glyph = cache.get(gid);
    if (!glyph) {
      const g = this.font.getGlyph(gid);
      const decoded = g._decode() as {
        numberOfContours: number;
        components?: { glyphID: number; pos: number }[];
      } | null;
      const start = this.font.loca.offsets[gid]!;
      const stream = this.font._getTableStream('glyf');
      stream.pos += start;
      const bytes = new Uint8Array(stream.readBuffer(this.font.loca.offsets[gid + 1]! - start));
      glyph = {
        bytes,
        components:
          decoded && decoded.numberOfContours < 0
            ? (decoded.components ?? []).map((c) => ({ id: c.glyphID, pos: c.pos }))
            : null,
        advance: g.advanceWidth,
        bearing: g._getMetrics().leftBearing,
      };
      cache.set(gid, glyph);
    }
    let bytes = glyph.bytes;
    if (glyph.components) {
      bytes = new Uint8Array(glyph.bytes);
      const view = new DataView(bytes.buffer);
      for (const c of glyph.components) view.setUint16(c.pos, this.includeGlyph(c.id));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
