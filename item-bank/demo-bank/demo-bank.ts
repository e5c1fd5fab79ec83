/** The project's own demo items (QTI 3.0, written for this engine), used by the demo data and tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssessmentItem } from '../model/item.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import type { ItemMetadata } from '../storage/metadata.ts';

const folder = path.dirname(fileURLToPath(import.meta.url));

/** Metadata of each demo item by identifier (subject, grade, topic, cognitive level). */
const METADATA: Record<string, Partial<ItemMetadata>> = {
  'TOAN-9-DT-01': {
    subject: 'toan',
    grade: 9,
    topic: 'Hình tròn',
    cognitiveLevel: 'thong_hieu',
    estimatedSeconds: 90,
  },
  'TOAN-12-DS-01': {
    subject: 'toan',
    grade: 12,
    topic: 'Hàm số bậc hai',
    cognitiveLevel: 'van_dung',
    estimatedSeconds: 240,
  },
  'TOAN-12-TLN-01': {
    subject: 'toan',
    grade: 12,
    topic: 'Phương trình',
    cognitiveLevel: 'nhan_biet',
    estimatedSeconds: 60,
  },
  'VATLY-10-VT-01': {
    subject: 'vat_ly',
    grade: 10,
    topic: 'Động học',
    cognitiveLevel: 'nhan_biet',
    estimatedSeconds: 60,
  },
  'VATLY-10-TL-01': {
    subject: 'vat_ly',
    grade: 10,
    topic: 'Quán tính',
    cognitiveLevel: 'van_dung',
    estimatedSeconds: 300,
  },
  'TA-8-GR-01': {
    subject: 'tieng_anh',
    grade: 8,
    topic: 'Present simple',
    cognitiveLevel: 'nhan_biet',
    language: 'en',
    estimatedSeconds: 30,
  },
  'TA-9-ORD-01': {
    subject: 'tieng_anh',
    grade: 9,
    topic: 'Present perfect',
    cognitiveLevel: 'thong_hieu',
    language: 'en',
    estimatedSeconds: 60,
  },
  'TIN-8-PY-01': {
    subject: 'tin_hoc',
    grade: 8,
    topic: 'Python cơ bản',
    cognitiveLevel: 'nhan_biet',
    estimatedSeconds: 45,
  },
  'TIN-10-CODE-01': {
    subject: 'tin_hoc',
    grade: 10,
    topic: 'Lập trình Python: danh sách',
    cognitiveLevel: 'van_dung',
    estimatedSeconds: 600,
  },
  'DIA-7-MATCH-01': {
    subject: 'dia_ly',
    grade: 7,
    topic: 'Đông Nam Á',
    cognitiveLevel: 'nhan_biet',
    estimatedSeconds: 60,
  },
};

export interface DemoItem {
  file: string;
  xml: string;
  item: AssessmentItem;
  metadata: Partial<ItemMetadata>;
}

export function loadDemoBank(): DemoItem[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => {
      const xml = readFileSync(path.join(folder, file), 'utf8');
      const { item, problems } = parseItemXml(xml, file);
      const errors = problems.filter((p) => p.severity === 'error');
      if (!item || errors.length)
        throw new Error(`demo item ${file} is invalid: ${errors.map((e) => e.message).join('; ')}`);
      return { file, xml, item, metadata: METADATA[item.identifier] ?? {} };
    });
}
