/** Teacher-facing metadata of an item, validated with zod (shared by storage, search and the API). */
import { z } from 'zod';

export const COGNITIVE_LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
export type CognitiveLevel = (typeof COGNITIVE_LEVELS)[number];

/** Vietnamese labels of the four cognitive levels (mức độ nhận thức). */
export const COGNITIVE_LEVEL_LABELS: Record<CognitiveLevel, string> = {
  nhan_biet: 'Nhận biết',
  thong_hieu: 'Thông hiểu',
  van_dung: 'Vận dụng',
  van_dung_cao: 'Vận dụng cao',
};

export const ItemMetadata = z.object({
  subject: z.string().trim().min(1).max(100).optional(),
  grade: z.number().int().min(1).max(12).optional(),
  topic: z.string().trim().min(1).max(200).optional(),
  competencies: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  cognitiveLevel: z.enum(COGNITIVE_LEVELS).optional(),
  /** Free keywords (Moodle's question tags); searchable. */
  tags: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  language: z.string().trim().min(2).max(20).default('vi'),
  estimatedSeconds: z
    .number()
    .int()
    .min(1)
    .max(4 * 3600)
    .optional(),
  difficulty: z.number().min(0).max(1).optional(),
});
export type ItemMetadata = z.output<typeof ItemMetadata>;

export const IrtParameters = z.object({
  model: z.enum(['rasch', '1pl', '2pl', '3pl']),
  a: z.number().positive().optional(),
  b: z.number(),
  c: z.number().min(0).max(1).optional(),
  sampleSize: z.number().int().positive(),
  calibratedAt: z.coerce.date(),
});
export type IrtParameters = z.output<typeof IrtParameters>;
