/**
 * A blueprint (ma trận đề): rows of topics, columns of cognitive levels, and cells that say how
 * many items of that topic and level a form holds and how many points they are worth together.
 */
import { z } from 'zod';
import { COGNITIVE_LEVELS } from '../storage/metadata.ts';

export const BlueprintCell = z.object({
  topic: z.string().trim().min(1).max(200),
  level: z.enum(COGNITIVE_LEVELS),
  /** Items of this topic and level on every form. */
  count: z.number().int().min(0).max(200),
  /** Points of the cell together, shared equally by its items. */
  points: z.number().min(0).max(100),
});
export type BlueprintCell = z.output<typeof BlueprintCell>;

export const Blueprint = z
  .object({
    title: z.string().trim().min(1).max(300),
    /** Only items of this subject / grade, when given. */
    subject: z.string().trim().min(1).max(100).optional(),
    grade: z.number().int().min(1).max(12).optional(),
    /** Row order of the matrix. */
    topics: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    cells: z.array(BlueprintCell).max(200),
    /** Whether an item may appear on more than one parallel form (the bank owner's call). */
    allowReuse: z.boolean().default(false),
    /** Largest allowed difference between the forms' test information, relative to the largest (0.1 = 10 %). */
    informationTolerance: z.number().min(0).max(1).default(0.1),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.cells.forEach((cell, i) => {
      if (!b.topics.includes(cell.topic))
        ctx.addIssue({ code: 'custom', path: ['cells', i, 'topic'], message: 'is not one of the topics' });
      const key = `${cell.topic}\u0000${cell.level}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['cells', i], message: 'repeats a topic and level' });
      seen.add(key);
      if (cell.count === 0 && cell.points > 0)
        ctx.addIssue({ code: 'custom', path: ['cells', i, 'points'], message: 'needs at least one item' });
    });
    if (!b.cells.some((c) => c.count > 0))
      ctx.addIssue({ code: 'custom', path: ['cells'], message: 'needs at least one item' });
  });
export type Blueprint = z.output<typeof Blueprint>;
export type BlueprintInput = z.input<typeof Blueprint>;

/** Total items and points of one form of the blueprint. */
export function blueprintTotals(blueprint: Pick<Blueprint, 'cells'>): { items: number; points: number } {
  return blueprint.cells.reduce((sum, c) => ({ items: sum.items + c.count, points: sum.points + c.points }), {
    items: 0,
    points: 0,
  });
}
