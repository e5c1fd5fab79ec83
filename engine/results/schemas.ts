/**
 * The results capability's request and answer shapes: validated on the way in and published in the
 * OpenAPI document (the browser apps' client is typed from it), so the rule and its description are
 * one schema.
 */
import { z } from '@hono/zod-openapi';
import { DEFAULT_FLAG_THRESHOLDS, RubricCriteria as RubricCriteriaRule } from '../../grading/index.ts';

// grading's own zod schema (the rule of what a rubric is), published as is.
const RubricCriteria = RubricCriteriaRule;
const MarkRole = z.enum(['first', 'second', 'moderator']);

export const SittingItemParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  ref: z
    .string()
    .min(1)
    .openapi({ param: { name: 'ref', in: 'path' } }),
});

export const MarkBody = z.object({
  sessionId: z.uuid(),
  itemRef: z.string().min(1),
  /** Points given directly, when the item has no rubric. */
  score: z.number().min(0).optional(),
  /** Level index per rubric criterion id, when the item has a rubric. */
  levels: z.record(z.string(), z.number().int().min(0)).optional(),
  comment: z.string().max(4000).optional(),
});

export const MarkingConfigBody = z.object({
  rubric: z.object({ name: z.string().min(1), criteria: RubricCriteria }).optional(),
  anonymous: z.boolean().default(true),
  doubleMarking: z.boolean().default(false),
  discrepancyThreshold: z.number().min(0).default(1),
});

export const MarkableSittings = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        subject: z.string().nullable(),
        closesAt: z.string(),
        waitingCandidates: z.number().int().describe('Candidates with an answer still waiting for a mark'),
        marksGiven: z.number().int(),
      }),
    ),
  })
  .openapi('MarkableSittings');

const MarkingCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  markedOnce: z.number().int(),
  awaitingSecond: z.number().int(),
  awaitingModeration: z.number().int(),
  done: z.number().int(),
  forYou: z.number().int().describe('Responses the asking marker may mark now'),
});

export const MarkedItems = z
  .object({
    sitting: z.object({ id: z.string(), name: z.string(), subject: z.string().nullable() }).optional(),
    items: z.array(
      z.object({
        itemRef: z.string(),
        title: z.string(),
        interactions: z.array(z.string()),
        maxScore: z.number().nullable(),
        anonymous: z.boolean(),
        doubleMarking: z.boolean(),
        discrepancyThreshold: z.number(),
        hasRubric: z.boolean(),
        /** The item's rubric in this sitting, so the exam board can see and change it. */
        rubric: RubricCriteria.nullable(),
        counts: MarkingCounts,
      }),
    ),
  })
  .openapi('MarkedItems');

export const DeliveredItemVersions = z
  .object({
    items: z.array(
      z.object({
        itemRefs: z.array(z.string()),
        itemId: z.string(),
        title: z.string(),
        deliveredVersion: z.number().int(),
        deliveredVersionId: z.string(),
        newestVersion: z.number().int(),
        newestVersionId: z.string(),
      }),
    ),
  })
  .openapi('DeliveredItemVersions');

const GivenMark = z.object({
  role: z.string(),
  score: z.number(),
  levels: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
});

export const MarkingQueue = z
  .object({
    itemRef: z.string(),
    /** What the marker reads: the prompt as text and which interaction each response came from. */
    item: z
      .object({
        itemRef: z.string(),
        title: z.string(),
        prompt: z.string(),
        scorerRubric: z
          .string()
          .nullable()
          .describe("The item's own guidance for scorers (rubricBlock view=scorer) as text"),
        interactions: z.array(z.object({ responseIdentifier: z.string(), type: z.string() })),
      })
      .nullable(),
    anonymous: z.boolean(),
    doubleMarking: z.boolean(),
    discrepancyThreshold: z.number(),
    rubric: RubricCriteria.nullable(),
    maxScore: z.number().nullable(),
    queue: z.array(
      z.object({
        sessionId: z.string(),
        role: MarkRole,
        state: z.string(),
        candidate: z.union([
          z.object({ label: z.string() }),
          z.object({ fullName: z.string(), candidateNumber: z.string() }),
        ]),
        /** The candidate's response per response identifier, as stored. */
        response: z.record(z.string(), z.unknown()).nullable(),
        /** For a moderator: the two marks and how far apart they are. */
        marks: z.array(GivenMark).optional(),
        discrepancy: z.number().nullable().optional(),
      }),
    ),
  })
  .openapi('MarkingQueue');

export const RecordedMark = z
  .object({
    role: MarkRole,
    score: z.number(),
    itemState: z.enum(['unmarked', 'awaiting_second', 'awaiting_moderator', 'resolved']),
    result: z
      .object({
        version: z.number().int(),
        status: z.string(),
        scaledScore: z.number().nullable(),
        rating: z.string().nullable(),
      })
      .nullable()
      .describe('The new result version when the mark completed the session, else null'),
  })
  .openapi('RecordedMark');

export const RescoreBody = z.object({
  itemVersionId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
});

const ScoreSummary = z.object({
  version: z.number().int(),
  rawScore: z.number(),
  maxScore: z.number(),
  scaledScore: z.number().nullable(),
  status: z.string(),
  rating: z.string().nullable(),
});

export const RescoreOutcome = z
  .object({
    sittingId: z.string(),
    item: z.object({ itemId: z.string(), itemVersionId: z.string(), version: z.number().int() }),
    rescored: z.array(
      z.object({
        sessionId: z.string(),
        candidateNumber: z.string(),
        previous: ScoreSummary,
        current: ScoreSummary,
      }),
    ),
    unchanged: z.number().int().describe('Sessions whose score for the item stays the same'),
    notScored: z.number().int().describe('Submitted sessions without a result yet'),
  })
  .openapi('RescoreOutcome');

export const CandidateResult = z
  .object({
    sitting: z.object({ id: z.string(), name: z.string(), subject: z.string().nullable() }),
    /** The parallel form (mã đề) sat; null when the sitting has one form. */
    form: z.string().nullable(),
    version: z.number().int(),
    score: z.object({ raw: z.number(), max: z.number(), tenPoint: z.number().nullable() }),
    rating: z.string().nullable(),
    /** An adaptive test: the ability θ on the pool's scale, its standard error and the items given; null otherwise. */
    adaptive: z.object({ theta: z.number(), se: z.number(), items: z.number().int() }).nullable(),
    scoredAt: z.string(),
    /** A practice sitting (luyện tập): the score is feedback, not a grade, and is not sent to e-records. */
    practice: z.boolean(),
  })
  .openapi('CandidateResult');

const unit = z.number().min(0).max(1);

/** Item-analysis flag thresholds of a sitting: any subset; the rest keep their defaults. */
export const FlagThresholdsBody = z
  .strictObject({
    minP: unit.optional(),
    maxP: unit.optional(),
    minPointBiserial: z.number().min(-1).max(1).optional(),
    minUpperLower: z.number().min(-1).max(1).optional(),
    minSample: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((t) => (t.minP ?? DEFAULT_FLAG_THRESHOLDS.minP) < (t.maxP ?? DEFAULT_FLAG_THRESHOLDS.maxP), {
    message: 'minP must be below maxP',
    path: ['minP'],
  })
  .openapi('FlagThresholdsInput');

export const FlagThresholds = z
  .object({
    minP: unit,
    maxP: unit,
    minPointBiserial: z.number(),
    minUpperLower: z.number(),
    minSample: z.number().int().describe('Candidates an item must have been seen by before it is flagged'),
  })
  .openapi('FlagThresholds');

const TestStatistics = z.object({
  n: z.number(),
  items: z.number().int(),
  mean: z.number(),
  /** Sample standard deviation of the total scores. */
  sd: z.number(),
  min: z.number(),
  max: z.number(),
  median: z.number(),
  /** Cronbach's alpha (KR-20 when every item is scored 0/1). */
  alpha: z.number(),
  /** Standard error of measurement. */
  sem: z.number(),
});

const ItemFlag = z.enum([
  'too_hard',
  'too_easy',
  'low_discrimination',
  'negative_discrimination',
  'low_upper_lower',
  'distractor_problem',
]);

const OptionStatistics = z.object({
  option: z.string().describe('The option identifier; "(omitted)" for candidates who chose none'),
  key: z.boolean(),
  count: z.number().int(),
  proportion: z.number(),
  upper: z.number(),
  lower: z.number(),
  pointBiserial: z.number(),
  problem: z.enum(['never_chosen', 'key_chosen_less_by_upper', 'distractor_attracts_upper']).optional(),
});

const AnalysedItem = z.object({
  /** The analysis key (the delivered item version); itemTitles names it. */
  item: z.string(),
  n: z.number(),
  /** Facility: mean score over the maximum. */
  p: z.number(),
  pointBiserial: z.number(),
  /** The item-total correlation without the item: what the flags compare with minPointBiserial. */
  pointBiserialCorrected: z.number(),
  upperLower: z.number(),
  alphaIfDeleted: z.number(),
  maxScore: z.number(),
  /** Distractor analysis, for single-interaction choice items. */
  options: z.array(OptionStatistics).optional(),
  flags: z.array(ItemFlag),
});

const IrtCalibration = z.object({
  model: z.enum(['rasch', '1pl', '2pl']),
  items: z.array(z.object({ ref: z.string(), a: z.number(), b: z.number(), d: z.number() })),
  logLikelihood: z.number(),
  iterations: z.number().int(),
  converged: z.boolean(),
  sampleSize: z.number(),
});

const AdaptiveSectionAnalysis = z.object({
  section: z.string(),
  /** Candidates with an ability in the section: the exposure rates' denominator. */
  candidates: z.number().int(),
  meanLength: z.number(),
  maxExposureRate: z.number(),
  items: z.array(
    z.object({
      /** The analysis key (the delivered item version); itemTitles names it. */
      item: z.string(),
      section: z.string(),
      /** Candidates given the item, and their share of the section's candidates. */
      exposure: z.number().int(),
      exposureRate: z.number(),
      /** Mean and SD of the θ of the candidates given it. */
      meanTheta: z.number().nullable(),
      sdTheta: z.number().nullable(),
      /** Facility, discrimination and their flags do not apply: each candidate was given other items. */
      classical: z.literal('not_applicable'),
    }),
  ),
});

export const SittingAnalysis = z
  .object({
    /** Candidates with a final result (the analysis counts only those). */
    candidates: z.number().int(),
    /** Results still being marked. */
    pending: z.number().int(),
    thresholds: FlagThresholds,
    itemTitles: z.record(z.string(), z.string()),
    test: TestStatistics,
    items: z.array(AnalysedItem),
    /** Rasch or 2PL calibration, when enough candidates sat; else null. */
    irt: IrtCalibration.nullable(),
    /** Score histogram of the totals over unit-wide bins from 0 to the maximum. */
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    /**
     * Adaptive sections (issue 23): their pool items are not in `items`, `test` or `irt` (each
     * candidate was given different ones); per item given, its exposure and the mean θ of those given it.
     */
    adaptive: z.array(AdaptiveSectionAnalysis),
  })
  .openapi('SittingAnalysis');

export const FileResponse = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
});
