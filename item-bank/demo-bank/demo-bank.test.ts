import { describe, expect, it } from 'vitest';
import { toCandidateItem } from '../candidate/project-item.ts';
import { loadDemoBank } from './demo-bank.ts';

describe('the demo bank', () => {
  const items = loadDemoBank();
  it('holds valid QTI 3.0 items of several subjects and interaction types, each with metadata', () => {
    expect(items.length).toBeGreaterThanOrEqual(9);
    expect(new Set(items.map((i) => i.metadata.subject))).toEqual(
      new Set(['toan', 'vat_ly', 'tieng_anh', 'tin_hoc', 'dia_ly']),
    );
    const types = new Set(items.flatMap((i) => i.item.interactions.map((x) => x.type)));
    for (const t of [
      'choiceInteraction',
      'inlineChoiceInteraction',
      'textEntryInteraction',
      'orderInteraction',
      'matchInteraction',
      'extendedTextInteraction',
    ])
      expect(types).toContain(t);
    expect(items.every((i) => i.item.qtiVersion === '3.0')).toBe(true);
  });

  it('never shows the scorer rubric or keys to candidates', () => {
    for (const { item } of items) {
      const json = JSON.stringify(toCandidateItem(item));
      expect(json).not.toContain('scorer');
      expect(json).not.toContain('correctResponse');
      expect(json).not.toContain('mapEntry');
    }
  });
});
