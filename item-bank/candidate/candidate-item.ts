/**
 * What a candidate's browser receives of an item: its content and the shape of its responses.
 * Never keys, mappings, processing, outcome values, feedback or scorer rubrics. Imports
 * nothing Node-specific, so the browser can use the type.
 */
import type { ContentElement } from '../model/content.ts';
import type { BaseType, Cardinality } from '../model/declarations.ts';

export interface CandidateResponseShape {
  identifier: string;
  baseType?: BaseType;
  cardinality: Cardinality;
}

export interface CandidateItem {
  identifier: string;
  title: string;
  language?: string;
  body: ContentElement;
  responses: CandidateResponseShape[];
  stylesheets: string[];
}
