import { describe, expect, it } from 'vitest';
import { pciStateKey, responseFromPci, responseToPci } from './pci-response.ts';

describe('PCI responses (QTI JSON binding) to and from engine values', () => {
  it('reads base, list and record responses; no answer is null', () => {
    expect(responseFromPci({ base: { integer: 4 } })).toBe(4);
    expect(responseFromPci({ base: { identifier: 'A' } })).toBe('A');
    expect(responseFromPci({ base: { boolean: true } })).toBe(true);
    expect(responseFromPci({ base: { point: [10, 20] } })).toBe('10 20');
    expect(responseFromPci({ base: { directedPair: ['A', 'B'] } })).toBe('A B');
    expect(responseFromPci({ base: { file: { data: 'AAEC', mime: 'audio/webm' } } })).toBe(
      'data:audio/webm;base64,AAEC',
    );
    expect(responseFromPci({ list: { identifier: ['A', 'C'] } })).toEqual(['A', 'C']);
    expect(responseFromPci({ list: { pair: [['A', 'B']] } })).toEqual(['A B']);
    expect(
      responseFromPci({
        record: [
          { name: 'x', base: { float: 1.5 } },
          { name: 'y', base: null },
        ],
      }),
    ).toEqual({ x: 1.5, y: null });
    for (const none of [null, undefined, 'text', { base: null }, { list: null }, { list: { integer: [] } }])
      expect(responseFromPci(none)).toBeNull();
  });

  it('writes saved values back for boundTo by the declared base type and cardinality', () => {
    expect(responseToPci(4, { identifier: 'R', baseType: 'integer', cardinality: 'single' })).toEqual({
      base: { integer: 4 },
    });
    expect(responseToPci(undefined, { identifier: 'R', baseType: 'integer', cardinality: 'single' })).toEqual(
      {
        base: null,
      },
    );
    expect(responseToPci('1 2', { identifier: 'R', baseType: 'point', cardinality: 'single' })).toEqual({
      base: { point: [1, 2] },
    });
    expect(
      responseToPci(['A', 'B'], { identifier: 'R', baseType: 'identifier', cardinality: 'ordered' }),
    ).toEqual({
      list: { identifier: ['A', 'B'] },
    });
    expect(
      responseToPci('data:audio/webm;codecs=opus;base64,AAEC', {
        identifier: 'R',
        baseType: 'file',
        cardinality: 'single',
      }),
    ).toEqual({ base: { file: { data: 'AAEC', mime: 'audio/webm', name: 'response' } } });
  });

  it('round-trips every shape the engine stores', () => {
    const cases = [
      [7, 'integer', 'single'],
      ['A B', 'directedPair', 'single'],
      [['A', 'B'], 'identifier', 'multiple'],
      [true, 'boolean', 'single'],
    ] as const;
    for (const [value, baseType, cardinality] of cases)
      expect(
        responseFromPci(responseToPci(value as never, { identifier: 'R', baseType, cardinality })),
      ).toEqual(value);
  });

  it('keeps the state under a key no QTI identifier can take', () => {
    expect(pciStateKey('RESPONSE')).toBe('pci-state:RESPONSE');
  });
});
