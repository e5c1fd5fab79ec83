/**
 * A candidate's risk score (0..100) with the reasons that make it up. Each incident kind adds its severity's weight
 * for the first incident and half as much for each repeat, so a kind can add at most twice its weight: repeated
 * glances away do not drown one phone in view. The score is a pointer for the proctor, never a verdict.
 */
import type { Incident, IncidentKind, Severity } from './incidents.ts';

export const SEVERITY_WEIGHT: Record<Severity, number> = { low: 3, medium: 10, high: 25 };

export interface RiskReason {
  kind: IncidentKind;
  severity: Severity;
  count: number;
  points: number;
}

export interface Risk {
  score: number;
  level: 'low' | 'medium' | 'high';
  reasons: RiskReason[];
}

/** Score and reasons, the biggest reason first. */
export function riskScore(incidents: Pick<Incident, 'kind' | 'severity'>[]): Risk {
  const byKind = new Map<IncidentKind, RiskReason>();
  for (const i of incidents) {
    const r = byKind.get(i.kind) ?? { kind: i.kind, severity: i.severity, count: 0, points: 0 };
    r.points += SEVERITY_WEIGHT[i.severity] * 0.5 ** r.count;
    r.count++;
    byKind.set(i.kind, r);
  }
  const reasons = [...byKind.values()]
    .map((r) => ({ ...r, points: Math.round(r.points * 10) / 10 }))
    .sort((a, b) => b.points - a.points || a.kind.localeCompare(b.kind));
  const score = Math.min(100, Math.round(reasons.reduce((s, r) => s + r.points, 0)));
  return { score, level: score >= 50 ? 'high' : score >= 20 ? 'medium' : 'low', reasons };
}
