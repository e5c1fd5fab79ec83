/**
 * A portable custom interaction (PCI) as the item model keeps it, whichever way the file wrote it:
 * QTI 3's `qti-portable-custom-interaction` (response identifier, `module` and data-* properties on
 * the element, `qti-interaction-modules`, `qti-interaction-markup`) or TAO's QTI 2.2 form, a
 * `customInteraction` (holding the response identifier) around a `portableCustomInteraction` of
 * the PCI namespace with `modules` (or a `hook`), `properties` and `markup`. The delivery engine
 * runs it in a sandboxed frame from these parts alone.
 */
import type { ContentNode } from './content.ts';
import type { SourceLocation } from './declarations.ts';

/** One JavaScript module of a PCI, as a file of the item's package. */
export interface PciModule {
  /** The module id other modules `define` against (AMD). */
  id: string;
  /** The package file, relative to the item file (never a URL). */
  path: string;
  /** Where the module is named in the source. */
  line?: number;
  column?: number;
}

/** Configuration properties: strings, or nested groups (TAO writes nested `properties`). */
export interface PciProperties {
  [key: string]: string | PciProperties;
}

export interface PortableInteraction {
  responseIdentifier: string;
  /** `custom-interaction-type-identifier`: the type the module registers itself under. */
  typeIdentifier: string;
  /** Modules the frame requires, in order: the interaction's own module among them. */
  modules: PciModule[];
  /** The module id whose registration is the interaction (QTI 3 `module`); absent: any that registers. */
  entryModule?: string;
  properties: PciProperties;
  /** The interaction's markup (sanitised content), placed in the frame before getInstance. */
  markup: ContentNode[];
  /** Which form the source used (for writing it back in the same spirit). */
  form: 'qti3' | 'tao';
  location: SourceLocation;
}
