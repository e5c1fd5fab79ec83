import type { Rng } from '../rng.ts';
import type { ExposureControl } from './exposure.ts';

export interface ExposureOutcome {
  /** Position in the ranking of the administered candidate. */
  chosen: number;
  /** Uniform draws used, in order (logged for replay). */
  draws: number[];
  /** Ids set aside by a lost Sympson–Hetter draw. */
  setAside: string[];
  /** Sympson–Hetter only: every candidate lost its draw, so the best one was given anyway. */
  forced?: boolean;
}

/** Picks among candidates ranked best first (ids only). */
export function applyExposure(
  control: ExposureControl,
  ranked: readonly string[],
  rng: Rng,
): ExposureOutcome {
  if (ranked.length === 0) throw new Error('no candidates to choose from');
  switch (control.kind) {
    case 'none':
      return { chosen: 0, draws: [], setAside: [] };
    case 'randomesque': {
      const u = rng();
      const k = Math.max(1, Math.min(control.k, ranked.length));
      return { chosen: Math.min(k - 1, Math.floor(u * k)), draws: [u], setAside: [] };
    }
    case 'sympson-hetter': {
      const draws: number[] = [];
      const setAside: string[] = [];
      for (let i = 0; i < ranked.length; i++) {
        const u = rng();
        draws.push(u);
        if (u < (control.k[ranked[i]!] ?? 1)) return { chosen: i, draws, setAside };
        setAside.push(ranked[i]!);
      }
      return { chosen: 0, draws, setAside: setAside.slice(1), forced: true };
    }
  }
}
