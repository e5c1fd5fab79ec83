/** The item analysis of a sitting as `GET /api/reports/sittings/{id}/analysis` gives it (the engine's document). */
import type { components, ResponseOf } from '../api.ts';

export type AnalysisReport = ResponseOf<'/api/reports/sittings/{id}/analysis', 'get'>;
export type FlagThresholds = components['schemas']['FlagThresholds'];
export type ItemFigures = AnalysisReport['items'][number];
export type ItemFlag = ItemFigures['flags'][number];
