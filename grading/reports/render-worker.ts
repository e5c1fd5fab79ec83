/**
 * Worker thread of the render pool: receives candidate report data, answers with the PDF bytes.
 */
import { parentPort } from 'node:worker_threads';
import { renderCandidateReport } from './candidate-report.ts';
import type { CandidateReportData } from './report-data.ts';

parentPort?.on('message', (job: { id: number; data: CandidateReportData }) => {
  renderCandidateReport(job.data).then(
    (pdf) => parentPort?.postMessage({ id: job.id, pdf }, [pdf.buffer as ArrayBuffer]),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: String(error) }),
  );
});
