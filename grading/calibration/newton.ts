/**
 * Maximises a smooth function of a few variables (one item's M-step, a linking criterion):
 * Newton steps with the gradient and Hessian from central differences, a Levenberg shift when
 * the Hessian is not negative definite, steps of at most `maxStep` per coordinate, and halving
 * until the function increases.
 */
export interface MaximiseOptions {
  steps?: number;
  maxStep?: number;
  /** Stop when no coordinate moves more than this. */
  tolerance?: number;
}

function solve(m: number[][], v: number[]): number[] | null {
  // Cholesky of the positive definite m; null when it is not.
  const n = v.length;
  const L = m.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 1e-12)) return null;
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = v[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

/** Gradient and Hessian of f at x by central differences. */
export function derivatives(
  f: (x: number[]) => number,
  x: number[],
  h = 1e-4,
): { g: number[]; H: number[][] } {
  const n = x.length;
  const f0 = f(x);
  const at = (d: [number, number][]) => {
    const y = [...x];
    for (const [i, s] of d) y[i] = y[i]! + s;
    return f(y);
  };
  const g = new Array<number>(n);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const plus = at([[i, h]]);
    const minus = at([[i, -h]]);
    g[i] = (plus - minus) / (2 * h);
    H[i]![i] = (plus - 2 * f0 + minus) / (h * h);
    for (let j = 0; j < i; j++) {
      const v =
        (at([
          [i, h],
          [j, h],
        ]) -
          at([
            [i, h],
            [j, -h],
          ]) -
          at([
            [i, -h],
            [j, h],
          ]) +
          at([
            [i, -h],
            [j, -h],
          ])) /
        (4 * h * h);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  }
  return { g, H };
}

export function maximise(
  f: (x: number[]) => number,
  start: number[],
  options: MaximiseOptions = {},
): number[] {
  const steps = options.steps ?? 20;
  const maxStep = options.maxStep ?? 1;
  const tolerance = options.tolerance ?? 1e-9;
  let x = [...start];
  let fx = f(x);
  for (let s = 0; s < steps; s++) {
    const { g, H } = derivatives(f, x);
    const neg = H.map((row) => row.map((v) => -v));
    let delta = solve(neg, g);
    for (let shift = 1e-6; !delta && shift < 1e12; shift *= 10) {
      const scale = Math.max(1, ...neg.map((row, i) => Math.abs(row[i]!)));
      delta = solve(
        neg.map((row, i) => row.map((v, j) => (i === j ? v + shift * scale : v))),
        g,
      );
    }
    if (!delta) break;
    const big = Math.max(...delta.map(Math.abs));
    let t = big > maxStep ? maxStep / big : 1;
    let moved = false;
    for (let half = 0; half < 30; half++, t /= 2) {
      const y = x.map((v, i) => v + t * delta![i]!);
      const fy = f(y);
      if (fy >= fx) {
        moved = true;
        x = y;
        fx = fy;
        break;
      }
    }
    if (!moved || big * t < tolerance) break;
  }
  return x;
}
