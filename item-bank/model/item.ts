/** The item model: what a QTI assessmentItem says, whatever version it was written in. */
import type { ItemCodeTask } from './code-task.ts';
import type { ContentElement, ContentNode, InteractionType } from './content.ts';
import type { Declaration, ProcessingNode, ResponseProcessing, SourceLocation } from './declarations.ts';
import type { PortableInteraction } from './portable-interaction.ts';

export type QtiVersion = '2.0' | '2.1' | '2.2' | '3.0';

export interface InteractionSummary {
  type: InteractionType;
  responseIdentifier: string;
  /** Identifiers of the interaction's choices (simpleChoice, hottext, gapText...), in document order. */
  choices: string[];
  /** The interaction's maxChoices, where it has one (choice interactions). */
  maxChoices?: number;
  location: SourceLocation;
}

export interface ModalFeedback {
  outcomeIdentifier: string;
  identifier: string;
  showHide: 'show' | 'hide';
  title?: string;
  content: ContentNode[];
  location?: SourceLocation;
}

export interface AssessmentItem {
  identifier: string;
  title: string;
  qtiVersion: QtiVersion;
  language?: string;
  adaptive: boolean;
  timeDependent: boolean;
  declarations: Declaration[];
  templateProcessing?: ProcessingNode[];
  responseProcessing?: ResponseProcessing;
  /** Outcome rules some tools put inside items, run after response processing. */
  outcomeProcessing?: ProcessingNode[];
  /** The itemBody, sanitised. */
  body: ContentElement;
  interactions: InteractionSummary[];
  modalFeedback: ModalFeedback[];
  stylesheets: string[];
  /** Code tasks of the item (custom interactions of our code-task type), hidden tests included: server only. */
  codeTasks?: ItemCodeTask[];
  /** Portable custom interactions: modules, properties and markup the delivery frame runs. */
  portableInteractions?: PortableInteraction[];
  /** Files the item refers to (img src, object data, media), relative to the item file. */
  media: string[];
  location: SourceLocation;
}
