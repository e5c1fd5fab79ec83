import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../test/corpus.ts';
import { parseItemXml } from './parse-item.ts';
import { writeItemXml } from './write-item.ts';

describe('the XML writer', () => {
  it('escapes text and attribute values instead of letting them become markup', () => {
    const item = parseItemXml(readCorpusFile('qti-sdk/test/samples/ims/items/2_1/choice.xml')).item!;
    const hostile = '</p><script>alert("x")</script> & "quoted" \u0001';
    const xml = writeItemXml({
      ...item,
      title: hostile,
      body: {
        ...item.body,
        children: [
          {
            kind: 'element',
            name: 'p',
            ns: 'html',
            attributes: { title: hostile },
            children: [{ kind: 'text', text: hostile }],
          },
        ],
      },
    });
    const again = parseItemXml(xml).item!;
    expect(again.title).toBe(hostile.replace('\u0001', ''));
    expect(again.body.children).toEqual([
      expect.objectContaining({
        name: 'p',
        attributes: { title: hostile.replace('\u0001', '') },
        children: [{ kind: 'text', text: hostile.replace('\u0001', '') }],
      }),
    ]);
  });
});
