import { describe, expect, it } from 'vitest';
import { categoryProbabilities, information, probabilityCorrect, type ItemModel } from './index.ts';

// Expected values were computed once with numpy (not with this code): the closed forms below, and
// each information value also as Σ P'²/P with P' from central finite differences, which agreed to
// 1e-9. Script: the "== models" section of ../expected-values.py.
describe('item models', () => {
  it('2PL, D = 1: P = 1/(1+exp(-a(θ-b))), I = a²PQ (Baker & Kim 2004)', () => {
    const item: ItemModel = { model: '2pl', a: 1.2, b: 0.5 };
    expect(probabilityCorrect(item, -0.3)).toBeCloseTo(0.27687819487561016, 12);
    expect(information(item, -0.3)).toBeCloseTo(0.28831199051236867, 12);
  });

  it('3PL, D = 1.702: Birnbaum information (Da)²(Q/P)((P-c)/(1-c))²', () => {
    const item: ItemModel = { model: '3pl', a: 1.1, b: -0.4, c: 0.2, D: 1.702 };
    expect(probabilityCorrect(item, 0.25)).toBeCloseTo(0.817218268202428, 12);
    expect(information(item, 0.25)).toBeCloseTo(0.46665591245391586, 12);
  });

  it('GPCM: category probabilities and Muraki information D²a² Var(k)', () => {
    const item: ItemModel = { model: 'gpcm', a: 0.9, b: [-1, 0.3, 1.2] };
    const p = categoryProbabilities(item, 0.4);
    [0.09746154014227826, 0.34359300780931146, 0.3759506332058722, 0.18299481884253813].forEach((v, k) =>
      expect(p[k]).toBeCloseTo(v, 12),
    );
    expect(information(item, 0.4)).toBeCloseTo(0.6399312776080177, 12);
  });

  it('GRM: P_k = P*_k - P*_{k+1} and Samejima information Σ (P*′_k - P*′_{k+1})² / P_k', () => {
    const item: ItemModel = { model: 'grm', a: 1.3, b: [-1.2, 0, 1.1] };
    const p = categoryProbabilities(item, -0.5);
    [0.2869998372477184, 0.37001062542578045, 0.23193357061509362, 0.11105596671140756].forEach((v, k) =>
      expect(p[k]).toBeCloseTo(v, 12),
    );
    expect(information(item, -0.5)).toBeCloseTo(0.5136792337188711, 12);
  });

  it('D defaults to 1', () => {
    expect(probabilityCorrect({ model: '2pl', a: 1, b: 0 }, 1)).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
  });
});
