/**
 * Font work shared by every report a process renders. pdfkit gives each document its own font
 * object: its own text-shaping cache and its own DejaVu subset, which it encodes as a TrueType file
 * and deflates when the document ends (a fifth of a report's CPU time in a profile). Here each
 * document's font starts from one fixed subset, the Vietnamese repertoire (all Vietnamese letters
 * in both cases and NFD marks, ASCII, common punctuation and ligatures), in the same glyph order
 * every time; so while a document draws only glyphs of that repertoire, its embedded font file is
 * byte-identical to every other document's, and is encoded and deflated once per process.
 * Any other glyph (a Chinese name, say) is appended to the document's subset as pdfkit does, and
 * that document's font file is built the ordinary way. Shaping results (scaled glyph runs per
 * word) are shared across documents as well; pdfkit never mutates a cached run.
 */
import { deflateSync } from 'node:zlib';

/** The parts of pdfkit's EmbeddedFont (not exported; typed `any` upstream) this module uses. */
export interface EmbeddedFontInternals {
  font: object;
  subset: { glyphs: number[]; mapping: Record<number, number>; encode(): Uint8Array };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  scale: number;
  layoutCache?: Record<string, unknown>;
  layoutRun(text: string): { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[] };
  embed(): unknown;
  toUnicodeCmap(): unknown;
  document: { ref(data?: Record<string, unknown>): unknown };
}

interface Repertoire {
  glyphs: number[];
  mapping: Record<number, number>;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  /** The deflated TrueType file of exactly `glyphs`, built on the first embedding. */
  fontFile?: Buffer;
  /** The deflated ToUnicode CMap of exactly `glyphs`, as pdfkit writes it, built on first use. */
  toUnicode?: Buffer;
  layoutCache: Record<string, unknown>;
  documents: number;
}

const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Every character the repertoire subset holds, one shaping run per entry. */
export function repertoireRuns(): string[] {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const c of 'đĐ–—‘’“”…•·°±×÷²³½¼¾€₫§«»') chars.add(c);
  for (const v of VOWELS) for (const t of TONES) chars.add((v + t).normalize('NFC'));
  for (const c of [...chars]) chars.add(c.toUpperCase());
  // Decomposed input (NFD) shapes to base letters plus these combining marks.
  for (const mark of ['\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031b', '\u0323'])
    chars.add(`a${mark}`);
  return [...chars, 'fi', 'fl', 'ff', 'ffi', 'ffl'];
}

const repertoires = new WeakMap<object, Repertoire>();
const LAYOUT_CACHE_LIMIT = 200_000;

function repertoireOf(font: EmbeddedFontInternals): Repertoire {
  let rep = repertoires.get(font.font);
  if (rep) return rep;
  const glyphs = [0];
  const mapping: Record<number, number> = { 0: 0 };
  const widths: (number | undefined)[] = [font.widths[0]];
  const unicode: (number[] | undefined)[] = [[0]];
  for (const text of repertoireRuns()) {
    for (const glyph of font.layoutRun(text).glyphs) {
      if (glyph.id === 0 || mapping[glyph.id] != null) continue;
      mapping[glyph.id] = glyphs.length;
      glyphs.push(glyph.id);
      widths.push(glyph.advanceWidth * font.scale);
      unicode.push(glyph.codePoints);
    }
  }
  rep = { glyphs, mapping, widths, unicode, layoutCache: Object.create(null), documents: 0 };
  repertoires.set(font.font, rep);
  return rep;
}

/**
 * Makes a document's font start from the shared repertoire subset and shaping cache. Call it right
 * after pdfkit creates the font object, before any text is measured or drawn.
 */
export function shareFontWork(font: EmbeddedFontInternals): void {
  const rep = repertoireOf(font);
  font.subset.glyphs = rep.glyphs.slice();
  // Reads fall through to the shared mapping; glyphs this document adds are its own keys.
  font.subset.mapping = Object.create(rep.mapping) as Record<number, number>;
  font.widths = rep.widths.slice();
  font.unicode = rep.unicode.slice();
  // Bound the shared cache (one entry per distinct word and font): look at its size now and then.
  if (++rep.documents % 1000 === 0 && Object.keys(rep.layoutCache).length > LAYOUT_CACHE_LIMIT)
    rep.layoutCache = Object.create(null);
  font.layoutCache = rep.layoutCache;
  const subset = font.subset;
  const document = font.document;
  const ref = document.ref;
  /** pdfkit's next reference gets these bytes as its stream, already deflated. */
  const nextRefDeflated = () => {
    document.ref = (data?: Record<string, unknown>) => {
      document.ref = ref;
      return ref.call(document, { ...data, Filter: 'FlateDecode' });
    };
  };
  const ownCmap = font.toUnicodeCmap.bind(font);
  font.toUnicodeCmap = () => {
    if (subset.glyphs.length !== rep.glyphs.length) return ownCmap();
    if (!rep.toUnicode) {
      // The first time, let pdfkit write it and keep the text it wrote (with the newline pdfkit adds).
      document.ref = (data?: Record<string, unknown>) => {
        document.ref = ref;
        const cmap = ref.call(document, data) as { end(chunk: string): void };
        const end = cmap.end.bind(cmap);
        cmap.end = (chunk: string) => {
          rep.toUnicode = deflateSync(Buffer.from(`${chunk}\n`, 'latin1'));
          end(chunk);
        };
        return cmap;
      };
      try {
        return ownCmap();
      } finally {
        document.ref = ref;
      }
    }
    nextRefDeflated();
    const cmap = document.ref() as { end(chunk: Uint8Array): void };
    cmap.end(rep.toUnicode);
    return cmap;
  };
  const ownEmbed = font.embed.bind(font);
  font.embed = () => {
    // Glyphs beyond the repertoire: this document's subset differs, so pdfkit builds it as usual.
    if (subset.glyphs.length !== rep.glyphs.length) return ownEmbed();
    rep.fontFile ??= deflateSync(subset.encode());
    const fontFile = rep.fontFile;
    subset.encode = () => fontFile;
    // pdfkit's first reference in embed() is the font file's stream: mark it as already deflated,
    // so pdfkit writes the cached bytes as they are (it compresses only streams without a Filter).
    nextRefDeflated();
    try {
      return ownEmbed();
    } finally {
      document.ref = ref;
    }
  };
}
