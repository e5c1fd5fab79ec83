/**
 * What a candidate score report and a sitting summary show, independent of where the data came
 * from (the database, or generated demo data).
 */
import type { SittingAnalysis } from '../analysis/analyse-sitting.ts';

export interface ScorePart {
  name: string;
  score: number;
  max: number;
}

export interface CandidateReportData {
  school: {
    name: string;
    /** The office above the school, printed first (e.g. "PHÒNG GD&ĐT QUẬN 1"). */
    parent?: string;
  };
  candidate: {
    fullName: string;
    candidateNumber: string;
    className?: string;
    dateOfBirth?: string;
    nationalId?: string;
    /** The label of the parallel form (mã đề) the candidate sat; absent when the sitting has one form. */
    form?: string;
  };
  sitting: {
    name: string;
    subject?: string;
    date: string;
    /** A practice sitting (luyện tập): the report says the score is feedback, not an official result. */
    practice?: boolean;
  };
  result: {
    raw: number;
    max: number;
    tenPoint: number;
    rating: string;
    version: number;
    /** Ability on the IRT scale, when the sitting was calibrated. */
    ability?: { eap: number; se: number };
    /** An adaptive test: the ability θ, its standard error and the number of items given. */
    adaptive?: { theta: number; se: number; items: number };
  };
  sections: ScorePart[];
  competencies: ScorePart[];
  /** Present only when the sitting's release policy shows answers item by item. */
  items?: { number: number; title: string; response: string; score: number; max: number }[];
  verification: { code: string; url: string };
  issuedAt: string;
}

export interface SittingSummaryData {
  school: { name: string; parent?: string };
  sitting: { name: string; subject?: string; date: string };
  candidates: number;
  /** Results not final yet (waiting for a marker or a sandbox): left out of every figure, counted here. */
  pending?: number;
  /** 10-point scores of every candidate, for the distribution of ratings. */
  tenPointScores: number[];
  ratings: Record<string, number>;
  analysis: SittingAnalysis;
  /** Item titles by ref, for the item table. */
  itemTitles: Record<string, string>;
  issuedAt: string;
}
