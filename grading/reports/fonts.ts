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
