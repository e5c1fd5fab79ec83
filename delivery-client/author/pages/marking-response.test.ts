import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { markingVi } from '../messages/marking-vi.ts';
import { MarkingResponse } from './marking-response.tsx';

const render = (responses: Record<string, string> | null, type: string) =>
  renderToStaticMarkup(
    createElement(MarkingResponse, { responses, interactions: [{ responseIdentifier: 'RESPONSE', type }] }),
  );
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('MarkingResponse: what a marker sees of a response', () => {
  it('keeps an essay as text (line breaks preserved by CSS, nothing interpreted as HTML)', () => {
    const html = render({ RESPONSE: 'Dòng 1\nDòng 2 <b>không đậm</b>' }, 'extendedTextInteraction');
    expect(html).toBe('<div class="marking-text">Dòng 1\nDòng 2 &lt;b&gt;không đậm&lt;/b&gt;</div>');
  });

  it('shows an uploaded picture and offers it as a download under its own name', () => {
    const value = `data:image/png;name=${encodeURIComponent('ảnh bài làm.png')};base64,${PNG}`;
    const html = render({ RESPONSE: value }, 'uploadInteraction');
    expect(html).toContain(`<img src="${value}" alt="${markingVi['mark.imageAlt']}"/>`);
    expect(html).toContain(`download="ảnh bài làm.png"`);
  });

  it('offers any other uploaded file as a download link only', () => {
    const html = render(
      { RESPONSE: `data:application/pdf;name=bai-lam.pdf;base64,JVBERi0=` },
      'uploadInteraction',
    );
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<a href="data:application\/pdf;[^"]+" download="bai-lam.pdf">/);
  });

  it('shows a drawing as its image', () => {
    const html = render({ RESPONSE: `data:image/png;base64,${PNG}` }, 'drawingInteraction');
    expect(html).toContain(`alt="${markingVi['mark.drawingAlt']}"`);
    expect(html).toContain('download="hinh-ve.png"');
  });

  it('gives a recording a player and keeps the download (a PCI voice recording has no file name)', () => {
    const value = 'data:audio/webm;base64,GkXfo0AAAAA=';
    const html = render({ RESPONSE: value }, 'portableCustomInteraction');
    expect(html).toContain(
      // The page's CSP takes no data: media: the browser gives the player a blob: URL once mounted.
      `<audio controls="" preload="metadata" aria-label="${markingVi['mark.audioLabel']}"></audio>`,
    );
    expect(html).toContain('download="ghi-am.webm"');
    expect(html).not.toContain('<img');
    const upload = render(
      { RESPONSE: 'data:audio/wav;name=doc-bai.wav;base64,UklGRg==' },
      'uploadInteraction',
    );
    expect(upload).toContain('<audio controls=""');
    expect(upload).toContain('download="doc-bai.wav"');
  });

  it('says so when there is no answer', () => {
    expect(render(null, 'extendedTextInteraction')).toContain(markingVi['mark.noResponse']);
    expect(render({ RESPONSE: '' }, 'extendedTextInteraction')).toContain(markingVi['mark.noResponse']);
  });
});
