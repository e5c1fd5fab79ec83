import { describe, expect, it } from 'vitest';
import { reportFonts, uncachedAddGlyph } from './fonts.ts';

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
  _addGlyph: unknown;
}
type Font = { createSubset(): Subset; layout(text: string): { glyphs: { id: number }[] } };

// Vietnamese letters with stacked diacritics are composite glyphs in DejaVu: their component ids are renumbered.
const TEXT = 'Nguyễn Thị Hương, Đặng Ừ ỡ ậ ẫ ự — Kiểm tra giữa kỳ Toán 9: 6,75 điểm (Khá)';

function subset(font: Font, uncached: boolean): Buffer {
  const s = font.createSubset();
  if (uncached) s._addGlyph = uncachedAddGlyph;
  for (const g of font.layout(TEXT).glyphs) s.includeGlyph(g.id);
  return Buffer.from(s.encode());
}

describe('cached glyphs in font subsets', () => {
  it('builds byte-identical subsets to fontkit, the first time and from the cache', () => {
    const fonts = reportFonts() as unknown as { regular: Font; bold: Font };
    expect(uncachedAddGlyph).toBeTypeOf('function');
    for (const font of [fonts.regular, fonts.bold]) {
      const reference = subset(font, true);
      expect(subset(font, false).equals(reference)).toBe(true);
      expect(subset(font, false).equals(reference)).toBe(true);
    }
  });
});
