import { describe, expect, it } from 'vitest';
import { proctoringPolicyOf, DEFAULT_POLICY, proctoringEnabled } from './policy.ts';
import { riskScore } from './risk.ts';

describe('risk score', () => {
  it('is zero and low without incidents', () => {
    expect(riskScore([])).toEqual({ score: 0, level: 'low', reasons: [] });
  });

  it('adds severity weights, halving each repeat of a kind, and lists the reasons biggest first', () => {
    const risk = riskScore([
      { kind: 'head_turned', severity: 'medium' },
      { kind: 'head_turned', severity: 'medium' },
      { kind: 'head_turned', severity: 'medium' },
      { kind: 'phone', severity: 'high' },
      { kind: 'copy_paste', severity: 'low' },
    ]);
    expect(risk.reasons).toEqual([
      { kind: 'phone', severity: 'high', count: 1, points: 25 },
      { kind: 'head_turned', severity: 'medium', count: 3, points: 17.5 },
      { kind: 'copy_paste', severity: 'low', count: 1, points: 3 },
    ]);
    expect(risk.score).toBe(46);
    expect(risk.level).toBe('medium');
  });

  it('caps at 100', () => {
    const many = [
      'phone',
      'multiple_faces',
      'devtools',
      'second_screen',
      'identity_mismatch',
      'camera_unavailable',
    ];
    const risk = riskScore(many.map((kind) => ({ kind: kind as 'phone', severity: 'high' as const })));
    expect(risk.score).toBe(100);
    expect(risk.level).toBe('high');
  });
});

describe('sitting policy', () => {
  it('reads overrides from the security policy and keeps defaults for missing or bad values', () => {
    const p = proctoringPolicyOf({
      proctoring: true,
      proctoringRules: { noFaceSeconds: 12, speechSeconds: -3, snapshots: true, identityMinSimilarity: 2 },
    });
    expect(p.noFaceSeconds).toBe(12);
    expect(p.speechSeconds).toBe(DEFAULT_POLICY.speechSeconds);
    expect(p.snapshots).toBe(true);
    expect(p.identityMinSimilarity).toBe(DEFAULT_POLICY.identityMinSimilarity);
    expect(proctoringPolicyOf(null)).toEqual(DEFAULT_POLICY);
    expect(proctoringEnabled({ proctoring: true })).toBe(true);
    expect(proctoringEnabled({})).toBe(false);
  });
});
