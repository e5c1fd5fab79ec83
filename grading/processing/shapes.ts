/** Point-in-shape tests for QTI areas (rect, circle, poly, ellipse, default); coordinates in pixels. */
import type { AreaShape } from '../../item-bank/index.ts';

export function insideShape(shape: AreaShape, c: number[], [x, y]: [number, number]): boolean {
  switch (shape) {
    case 'rect':
      return (
        x >= Math.min(c[0]!, c[2]!) &&
        x <= Math.max(c[0]!, c[2]!) &&
        y >= Math.min(c[1]!, c[3]!) &&
        y <= Math.max(c[1]!, c[3]!)
      );
    case 'circle':
      return (x - c[0]!) ** 2 + (y - c[1]!) ** 2 <= c[2]! ** 2;
    case 'ellipse':
      return (x - c[0]!) ** 2 / c[2]! ** 2 + (y - c[1]!) ** 2 / c[3]! ** 2 <= 1;
    case 'poly': {
      let inside = false;
      const n = Math.floor(c.length / 2);
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const [xi, yi, xj, yj] = [c[2 * i]!, c[2 * i + 1]!, c[2 * j]!, c[2 * j + 1]!];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    }
    default:
      return true;
  }
}
