import { z } from '@hono/zod-openapi';
import { CANDIDATE_TOOLS } from '../protocol/candidate-tools.ts';
import { ProctoringRules } from '../protocol/proctor.ts';
import { AdaptiveSpec } from './adaptive-spec.ts';
import { PretestRate } from './pretest.ts';

const FormItemInput = z.object({
  itemId: z.uuid(),
  /** A version of the item; the current one when omitted. */
  version: z.number().int().min(1).optional(),
  itemRef: z.string().min(1).max(200).optional(),
  fixed: z.boolean().optional(),
  required: z.boolean().optional(),
  weight: z.number().positive().optional(),
  categories: z.array(z.string().max(100)).max(20).optional(),
});

export const FormInput = z.object({
  navigationMode: z.enum(['linear', 'nonlinear']).default('nonlinear'),
  submissionMode: z.enum(['individual', 'simultaneous']).default('simultaneous'),
  allowReview: z.boolean().default(true),
  allowSkipping: z.boolean().default(true),
  shuffleChoices: z.boolean().default(true),
  sections: z
    .array(
      z.object({
        identifier: z.string().min(1).max(200),
        title: z.string().max(500).default(''),
        select: z.number().int().positive().optional(),
        withReplacement: z.boolean().default(false),
        shuffle: z.boolean().default(false),
        /**
         * An adaptive section (issue 23): its items are the pool, each with stored parameters (pinned
         * when the sitting is scheduled); the CAT chooses among them. The form must then be linear and
         * this its last section.
         */
        adaptive: AdaptiveSpec.omit({ parameters: true }).optional(),
        items: z.array(FormItemInput).min(1).max(500),
      }),
    )
    .min(1)
    .max(50),
  /**
   * Pretest items (issue 23): uncalibrated bank items seeded into every candidate's form at the rate
   * given (`{ kind: 'every', operational: N }`: one in each run of N operational items;
   * `{ kind: 'per-form', count: k }`), chosen and placed by the session's seed; delivered and scored
   * like any item, counted in no score, kept for `npm run calibrate -- --sitting`.
   */
  pretest: z
    .object({
      items: z
        .array(FormItemInput.pick({ itemId: true, version: true, itemRef: true }))
        .min(1)
        .max(200),
      rate: PretestRate,
    })
    .optional(),
});

export const CreateSitting = z
  .object({
    organisationId: z.uuid(),
    name: z.string().trim().min(2).max(300),
    subject: z.string().trim().max(100).optional(),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(1).max(600),
    lateStartMinutes: z.number().int().min(0).max(600).optional(),
    graceSeconds: z.number().int().min(0).max(300).default(10),
    scale: z.enum(['school', 'exam_board']).default('school'),
    /**
     * A practice sitting (luyện tập): scores are feedback, not a grade. Only a practice sitting may hold
     * a code task whose verdicts the submission's own code could decide; a graded one (the default) is
     * refused with 422 `code_task_practice_only` naming the item.
     */
    practice: z.boolean().default(false),
    /** with_items: released like after_review, and the score report lists the items one by one. */
    releasePolicy: z
      .enum(['immediately', 'after_close', 'after_review', 'with_items'])
      .default('after_review'),
    /**
     * Also issue one sitting-wide access code (8 characters): it checks a candidate in to their
     * enrolled room, except candidates with a separate room, who need that room's code.
     */
    sittingAccessCode: z.boolean().default(false),
    /** Thông tư 22 rating thresholds on the 10-point scale; Tốt >= tot, Khá >= kha, Đạt >= dat (default 8, 6.5, 5). */
    ratingThresholds: z
      .object({
        tot: z.number().min(0).max(10),
        kha: z.number().min(0).max(10),
        dat: z.number().min(0).max(10),
      })
      .refine((t) => t.tot > t.kha && t.kha > t.dat, { message: 'needs tot > kha > dat' })
      .optional(),
    securityPolicy: z
      .object({
        safeExamBrowser: z.boolean().default(false),
        proctoring: z.boolean().default(false),
        fullscreen: z.boolean().default(true),
        /** On-screen tools the candidate may open (sent in the session snapshot); none by default. */
        tools: z.array(z.enum(CANDIDATE_TOOLS)).max(CANDIDATE_TOOLS.length).default([]),
        /** Browser Exam Keys of the SEB versions allowed (they differ per version and platform). */
        browserExamKeys: z
          .array(z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters'))
          .max(50)
          .default([]),
        /** Quit password put into the .seb file (stored there only hashed). */
        sebQuitPassword: z.string().min(4).max(100).optional(),
        /** Proctoring thresholds (issue 8): delays, identity similarity, snapshots and their retention. */
        proctoringRules: ProctoringRules.optional(),
      })
      .default({
        safeExamBrowser: false,
        proctoring: false,
        fullscreen: true,
        tools: [],
        browserExamKeys: [],
      }),
    /** An inline form of bank items... */
    form: FormInput.optional(),
    /** ...or a stored QTI assessmentTest (its parts, sections, time limits and rules as written). */
    test: z
      .object({
        testId: z.uuid(),
        /** A version of the test; the current one when omitted. */
        version: z.number().int().min(1).optional(),
      })
      .optional(),
    /**
     * ...or parallel forms (mã đề): stored tests, such as the forms of one blueprint; each
     * candidate sits one, neighbours in a room different ones.
     */
    tests: z
      .array(z.object({ testId: z.uuid(), version: z.number().int().min(1).optional() }))
      .min(2)
      .max(10)
      .refine((t) => new Set(t.map((x) => x.testId)).size === t.length, { message: 'lists a test twice' })
      .optional(),
  })
  .refine((s) => [s.form, s.test, s.tests].filter(Boolean).length === 1, {
    message: 'give one of form, test or tests',
    path: ['form'],
  })
  .refine((s) => Date.parse(s.closesAt) > Date.parse(s.opensAt), {
    message: 'must be after opensAt',
    path: ['closesAt'],
  })
  .openapi('CreateSitting');

/** A sitting's security policy as staff read it back (the SEB quit password and exam keys are not shown). */
export const SittingSecurityPolicy = z
  .object({
    safeExamBrowser: z.boolean(),
    proctoring: z.boolean(),
    fullscreen: z.boolean(),
    tools: z.array(z.enum(CANDIDATE_TOOLS)),
    /** How many SEB Browser Exam Keys are allowed (the keys themselves are not repeated). */
    browserExamKeys: z.number().int(),
    /** A quit password is set in the .seb file. */
    sebQuitPassword: z.boolean(),
    proctoringRules: ProctoringRules.optional(),
  })
  .openapi('SittingSecurityPolicy');

/** The stored security policy (jsonb; older rows may hold less) as staff read it back. */
export function securityPolicyView(stored: unknown): z.infer<typeof SittingSecurityPolicy> {
  const p = (stored ?? {}) as Record<string, unknown>;
  const rules = ProctoringRules.safeParse(p.proctoringRules);
  return {
    safeExamBrowser: p.safeExamBrowser === true,
    proctoring: p.proctoring === true,
    fullscreen: p.fullscreen !== false,
    tools: CANDIDATE_TOOLS.filter((tool) => Array.isArray(p.tools) && p.tools.includes(tool)),
    browserExamKeys: Array.isArray(p.browserExamKeys) ? p.browserExamKeys.length : 0,
    sebQuitPassword: typeof p.sebQuitPassword === 'string' && p.sebQuitPassword.length > 0,
    ...(p.proctoringRules !== undefined && rules.success ? { proctoringRules: rules.data } : {}),
  };
}

export const Sitting = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    name: z.string(),
    subject: z.string().nullable(),
    opensAt: z.string(),
    closesAt: z.string(),
    durationMinutes: z.number(),
    /** A practice sitting (scores are feedback, not a grade); see CreateSitting. */
    practice: z.boolean(),
    itemCount: z.number().int(),
    /** Labels of the parallel forms; empty for a sitting of one form. */
    forms: z.array(z.string()),
    /** The sitting-wide access code, when one was issued (room codes work either way). */
    accessCode: z.string().nullable(),
    /** What the sitting asks of candidates' devices: SEB, proctoring (snapshots, identity check), tools. */
    securityPolicy: SittingSecurityPolicy,
    rooms: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        accessCode: z.string(),
        candidates: z.number().int(),
        /** The room seats candidates with a separate-room accommodation (and only them). */
        separateRoom: z.boolean(),
      }),
    ),
  })
  .openapi('Sitting');

export const CreateRoom = z
  .object({ name: z.string().trim().min(1).max(100), proctorIds: z.array(z.uuid()).max(20).default([]) })
  .openapi('CreateRoom');

export const AddCandidates = z
  .object({
    roomId: z.uuid(),
    classId: z.uuid().optional(),
    studentIds: z.array(z.uuid()).max(5000).optional(),
    extraTimePercent: z.number().int().min(0).max(200).default(0),
    /** The room is a separate room for these candidates (accommodation); it may seat only such candidates. */
    separateRoom: z.boolean().default(false),
  })
  .refine((b) => b.classId || b.studentIds?.length, {
    message: 'give classId or studentIds',
    path: ['classId'],
  })
  .openapi('AddCandidates');

export const CandidateParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  candidateNumber: z
    .string()
    .min(1)
    .max(32)
    .openapi({ param: { name: 'candidateNumber', in: 'path' }, description: 'Số báo danh' }),
});

export const ChangeAccommodations = z
  .object({
    /** Extra time on every time limit, in percent of it. */
    extraTimePercent: z.number().int().min(0).max(200).optional(),
    /** true: the candidate sits in a separate room, given as roomId; false: no longer. */
    separateRoom: z.boolean().optional(),
    /** The room the candidate sits in (a room of this sitting). */
    roomId: z.uuid().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'give extraTimePercent, separateRoom or roomId',
    path: ['extraTimePercent'],
  })
  .refine((b) => b.separateRoom !== true || b.roomId, {
    message: 'a separate room needs roomId: the room the candidate sits in alone or with others like them',
    path: ['roomId'],
  })
  .openapi('ChangeAccommodations');

export const SittingCandidate = z
  .object({
    candidateNumber: z.string(),
    studentId: z.uuid(),
    roomId: z.uuid(),
    extraTimePercent: z.number().int(),
    separateRoom: z.boolean(),
  })
  .openapi('SittingCandidate');

export const RosterImportQuery = z.object({
  /** true: check every row and report, enrolling no one. */
  dryRun: z.enum(['true', 'false']).optional(),
});

export const RosterImportResult = z
  .object({
    total: z.number().int(),
    enrolled: z.number().int(),
    dryRun: z.boolean(),
    candidates: z.array(
      z.object({
        line: z.number().int(),
        nationalId: z.string(),
        candidateNumber: z.string(),
        room: z.string(),
        extraTimePercent: z.number().int(),
        separateRoom: z.boolean(),
      }),
    ),
  })
  .openapi('SittingRosterImportResult');

export const MarkerRole = z.enum(['marker', 'moderator']).openapi('SittingMarkerRole', {
  description: 'marker: first and second marks; moderator: also settles two marks too far apart',
});

export const SetSittingMarkers = z
  .object({
    /** The whole marking team; an empty list returns the sitting to marking by every teacher in scope. */
    markers: z
      .array(z.object({ userId: z.uuid(), role: MarkerRole }))
      .max(500)
      .refine((list) => new Set(list.map((m) => m.userId)).size === list.length, {
        message: 'each user may be listed once',
      }),
  })
  .openapi('SetSittingMarkers');

const StaffMember = z.object({
  userId: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  /** The user's staff role (teacher, exam_board or admin). */
  staffRole: z.string(),
});

export const SittingMarkers = z
  .object({
    /** The assigned marking team; empty: every marker whose scope covers the sitting may mark it. */
    assigned: z.array(StaffMember.extend({ role: MarkerRole, assignedBy: z.uuid(), assignedAt: z.string() })),
    /** Staff who could be assigned: active, in a role that marks, with a scope covering the sitting. */
    eligible: z.array(StaffMember),
  })
  .openapi('SittingMarkers');
