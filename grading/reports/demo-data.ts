/**
 * Generated report data for the demo (`npm run report -- --demo out.pdf`) and the benchmark:
 * a lower-secondary mathematics test with Vietnamese names, sections and competencies, scored
 * from a simple ability model with a fixed seed, so every run shows the same report.
 */
import { analyseSitting, type AnalysisCandidate } from '../analysis/analyse-sitting.ts';
import { seededRandom } from '../processing/seeded-random.ts';
import { ratingOf, toTenPointScale } from '../scales/ten-point.ts';
import type { CandidateReportData, SittingSummaryData } from './report-data.ts';
import { verificationCode } from './verification.ts';
import { vietnameseName } from './vietnamese-names.ts';

const ITEMS = [
  {
    title: 'Tính giá trị biểu thức',
    section: 'Phần I. Trắc nghiệm',
    competency: 'Tư duy và lập luận toán học',
    max: 1,
    b: -1.2,
    key: 'A',
  },
  {
    title: 'Nghiệm của phương trình bậc nhất',
    section: 'Phần I. Trắc nghiệm',
    competency: 'Giải quyết vấn đề toán học',
    max: 1,
    b: -0.8,
    key: 'C',
  },
  {
    title: 'Đồ thị hàm số y = ax',
    section: 'Phần I. Trắc nghiệm',
    competency: 'Mô hình hóa toán học',
    max: 1,
    b: -0.3,
    key: 'B',
  },
  {
    title: 'Góc nội tiếp đường tròn',
    section: 'Phần I. Trắc nghiệm',
    competency: 'Tư duy và lập luận toán học',
    max: 1,
    b: 0,
    key: 'D',
  },
  {
    title: 'Tỉ số lượng giác',
    section: 'Phần I. Trắc nghiệm',
    competency: 'Sử dụng công cụ, phương tiện học toán',
    max: 1,
    b: 0.2,
    key: 'A',
  },
  {
    title: 'Xác suất thực nghiệm',
    section: 'Phần I. Trắc nghiệm',
    competency: 'Mô hình hóa toán học',
    max: 1,
    b: 0.5,
    key: 'B',
  },
  {
    title: 'Đúng/Sai: tính chất hình thoi',
    section: 'Phần II. Đúng - Sai',
    competency: 'Tư duy và lập luận toán học',
    max: 1,
    b: 0.1,
  },
  {
    title: 'Đúng/Sai: căn bậc hai',
    section: 'Phần II. Đúng - Sai',
    competency: 'Giao tiếp toán học',
    max: 1,
    b: 0.4,
  },
  {
    title: 'Trả lời ngắn: diện tích mảnh vườn',
    section: 'Phần III. Trả lời ngắn',
    competency: 'Giải quyết vấn đề toán học',
    max: 1,
    b: 0.8,
  },
  {
    title: 'Tự luận: bài toán chuyển động',
    section: 'Phần IV. Tự luận',
    competency: 'Giải quyết vấn đề toán học',
    max: 2,
    b: 1.0,
  },
  {
    title: 'Tự luận: chứng minh tứ giác nội tiếp',
    section: 'Phần IV. Tự luận',
    competency: 'Giao tiếp toán học',
    max: 1,
    b: 1.4,
  },
];

export interface DemoCandidate {
  fullName: string;
  candidateNumber: string;
  className: string;
  dateOfBirth: string;
  scores: number[];
  choices: (string | null)[];
}

/** A class-sized set of candidates with Vietnamese names and their item scores. */
export function demoCandidates(count = 36, seed = 2026): DemoCandidate[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const theta = Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random()) + 0.3;
    const scores = ITEMS.map((item) => {
      let s = 0;
      for (let k = 0; k < item.max; k++)
        if (random() < 1 / (1 + Math.exp(-(1.3 * (theta - item.b - k * 0.5))))) s++;
      return s;
    });
    const choices = ITEMS.map((item, j) =>
      item.key ? (scores[j] ? item.key : pick(['A', 'B', 'C', 'D'].filter((o) => o !== item.key))) : null,
    );
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    return {
      fullName: vietnameseName(pick, random() < 0.5),
      candidateNumber: `0${String(100001 + i)}`,
      className: `9A${1 + (i % 3)}`,
      dateOfBirth: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2011`,
      scores,
      choices,
    };
  });
}

const SCHOOL = { name: 'Trường THCS Nguyễn Du', parent: 'Phòng GD&ĐT Quận 1' };
const SITTING = { name: 'Kiểm tra giữa học kỳ II năm học 2025-2026', subject: 'Toán 9', date: '15/03/2026' };

function sumBy(keys: string[], scores: number[], maxes: number[], keyOf: (j: number) => string) {
  return keys.map((name) => {
    let score = 0;
    let max = 0;
    ITEMS.forEach((_, j) => {
      if (keyOf(j) !== name) return;
      score += scores[j]!;
      max += maxes[j]!;
    });
    return { name, score, max };
  });
}

/** The report of one demo candidate. */
export function demoCandidateReport(
  candidate: DemoCandidate,
  index = 0,
  baseUrl = 'http://localhost:3000',
): CandidateReportData {
  const maxes = ITEMS.map((i) => i.max);
  const raw = candidate.scores.reduce((s, v) => s + v, 0);
  const max = maxes.reduce((s, v) => s + v, 0);
  const tenPoint = toTenPointScale(raw, max);
  const code = verificationCode('demo-secret', `demo-${index}`, 1);
  return {
    school: SCHOOL,
    candidate: {
      fullName: candidate.fullName,
      candidateNumber: candidate.candidateNumber,
      className: candidate.className,
      dateOfBirth: candidate.dateOfBirth,
    },
    sitting: SITTING,
    result: { raw, max, tenPoint, rating: ratingOf(tenPoint), version: 1 },
    sections: sumBy(
      [...new Set(ITEMS.map((i) => i.section))],
      candidate.scores,
      maxes,
      (j) => ITEMS[j]!.section,
    ),
    competencies: sumBy(
      [...new Set(ITEMS.map((i) => i.competency))],
      candidate.scores,
      maxes,
      (j) => ITEMS[j]!.competency,
    ),
    items: ITEMS.map((item, j) => ({
      number: j + 1,
      title: item.title,
      response:
        candidate.choices[j] ??
        (item.max > 1 ? 'Bài làm tự luận (đã chấm)' : candidate.scores[j] ? 'Đúng' : 'Sai'),
      score: candidate.scores[j]!,
      max: item.max,
    })),
    verification: { code, url: `${baseUrl}/api/reports/verify/${code}` },
    issuedAt: '20/03/2026',
  };
}

/** The demo sitting summary over all demo candidates. */
export function demoSittingSummary(candidates: DemoCandidate[]): SittingSummaryData {
  const items = ITEMS.map((item, j) => ({
    ref: `Q${j + 1}`,
    maxScore: item.max,
    ...(item.key ? { options: ['A', 'B', 'C', 'D'], key: [item.key] } : {}),
  }));
  const analysisCandidates: AnalysisCandidate[] = candidates.map((c, i) => ({
    id: String(i),
    scores: Object.fromEntries(c.scores.map((s, j) => [`Q${j + 1}`, s])),
    choices: Object.fromEntries(c.choices.map((ch, j) => [`Q${j + 1}`, ch])),
  }));
  const max = ITEMS.reduce((s, i) => s + i.max, 0);
  const tenPointScores = candidates.map((c) =>
    toTenPointScale(
      c.scores.reduce((s, v) => s + v, 0),
      max,
    ),
  );
  const ratings: Record<string, number> = { Tốt: 0, Khá: 0, Đạt: 0, 'Chưa đạt': 0 };
  for (const s of tenPointScores) ratings[ratingOf(s)]!++;
  return {
    school: SCHOOL,
    sitting: SITTING,
    candidates: candidates.length,
    tenPointScores,
    ratings,
    analysis: analyseSitting(items, analysisCandidates),
    itemTitles: Object.fromEntries(ITEMS.map((item, j) => [`Q${j + 1}`, `Câu ${j + 1}. ${item.title}`])),
    issuedAt: '20/03/2026',
  };
}
