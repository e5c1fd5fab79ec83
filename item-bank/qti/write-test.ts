/** Writes a test of the model as a QTI 3.0 or QTI 2.2 assessmentTest document. */
import type {
  AssessmentTest,
  ItemSessionControl,
  SectionPart,
  TestFeedback,
  TestPart,
  TestPartCommon,
  TimeLimits,
} from '../model/test.ts';
import { categoryList } from './categories.ts';
import {
  qtiElement,
  QTI_NAMESPACE,
  SCHEMA_LOCATION,
  XSI_NAMESPACE,
  type ExportVersion,
} from './qti-spelling.ts';
import { contentElement, wrappedContent, type ContentWriteOptions } from './write-content.ts';
import { processingElement } from './write-processing.ts';
import { declarationElement } from './write-item.ts';
import { serialiseXml, type OutElement } from './xml-writer.ts';

export interface WriteTestOptions {
  version?: ExportVersion;
  /** Told of everything the target schema made the writer drop or rename (one sentence each). */
  onAdjust?(note: string): void;
  /** Rewrites the href of each item reference (to where the package puts the item). */
  itemHref?(identifier: string, href: string): string;
}

/** An href as xs:anyURI: characters a URI cannot hold (`|`, spaces...) percent-encoded, the reference unchanged. */
export function anyUri(href: string, onAdjust?: (note: string) => void): string {
  const hash = href.indexOf('#');
  // Control characters, space and the characters RFC 3986 excludes; in the fragment also a second #.
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u0020"<>\\^`{|}\u007f]/g;
  const encode = (part: string) => part.replace(unsafe, (c) => encodeURIComponent(c));
  // A URI has one fragment: a later # is part of it, encoded.
  const written =
    hash < 0
      ? encode(href)
      : `${encode(href.slice(0, hash))}#${encode(href.slice(hash + 1)).replaceAll('#', '%23')}`;
  if (written !== href) onAdjust?.(`href ${href} written as ${written} (an href is a URI).`);
  return written;
}

const timeLimits = (t: TimeLimits | undefined, v: ExportVersion) =>
  t
    ? [
        qtiElement('timeLimits', v, {
          minTime: t.minTime,
          maxTime: t.maxTime,
          allowLateSubmission: t.allowLateSubmission,
        }),
      ]
    : [];

const sessionControl = (c: ItemSessionControl | undefined, v: ExportVersion) =>
  c ? [qtiElement('itemSessionControl', v, { ...c })] : [];

/** preConditions, branchRules, itemSessionControl and timeLimits in the schema's order. */
function common(
  part: TestPartCommon,
  v: ExportVersion,
  onAdjust?: (note: string) => void,
): { pre: OutElement[]; post: OutElement[] } {
  return {
    pre: [
      ...part.preConditions.map((e) =>
        qtiElement('preCondition', v, {}, [processingElement(e, v, onAdjust)]),
      ),
      ...part.branchRules.map((r) =>
        qtiElement('branchRule', v, { target: r.target }, [processingElement(r.expression, v, onAdjust)]),
      ),
      ...sessionControl(part.itemSessionControl, v),
      ...timeLimits(part.timeLimits, v),
    ],
    post: [],
  };
}

function feedback(f: TestFeedback, content: ContentWriteOptions): OutElement {
  return qtiElement(
    'testFeedback',
    content.version,
    {
      access: f.access,
      outcomeIdentifier: f.outcomeIdentifier,
      showHide: f.showHide,
      identifier: f.identifier,
      title: f.title,
    },
    wrappedContent(f.content, content),
  );
}

function part(p: SectionPart, options: WriteTestOptions, content: ContentWriteOptions): OutElement {
  const v = content.version;
  if (p.kind === 'sectionRef')
    return qtiElement('assessmentSectionRef', v, {
      identifier: p.identifier,
      href: p.href,
      required: p.required || undefined,
      fixed: p.fixed || undefined,
    });
  if (p.kind === 'itemRef')
    return qtiElement(
      'assessmentItemRef',
      v,
      {
        identifier: p.identifier,
        href: anyUri(options.itemHref?.(p.identifier, p.href) ?? p.href, options.onAdjust),
        category: p.categories.length ? categoryList(p.categories.join(' '), options.onAdjust) : undefined,
        required: p.required || undefined,
        fixed: p.fixed || undefined,
      },
      [
        // The schema's order: variableMapping, weight, templateDefault.
        ...common(p, v, options.onAdjust).pre,
        ...p.mappings
          .filter((m) => m.name === 'variableMapping')
          .map((m) => processingElement(m, v, options.onAdjust)),
        ...p.weights.map((w) => qtiElement('weight', v, { identifier: w.identifier, value: w.value })),
        ...p.mappings
          .filter((m) => m.name !== 'variableMapping')
          .map((m) => processingElement(m, v, options.onAdjust)),
      ],
    );
  return qtiElement(
    'assessmentSection',
    v,
    {
      identifier: p.identifier,
      title: p.title,
      visible: p.visible,
      keepTogether: p.keepTogether,
      required: p.required || undefined,
      fixed: p.fixed || undefined,
    },
    [
      ...common(p, v, options.onAdjust).pre,
      ...(p.selection
        ? [
            qtiElement('selection', v, {
              select: p.selection.select,
              withReplacement: p.selection.withReplacement,
            }),
          ]
        : []),
      ...(p.ordering ? [qtiElement('ordering', v, { shuffle: p.ordering.shuffle })] : []),
      ...p.rubricBlocks.map((r) => contentElement(r, content)),
      ...p.parts.map((child) => part(child, options, content)),
    ],
  );
}

function testPart(t: TestPart, options: WriteTestOptions, content: ContentWriteOptions): OutElement {
  const v = content.version;
  return qtiElement(
    'testPart',
    v,
    { identifier: t.identifier, navigationMode: t.navigationMode, submissionMode: t.submissionMode },
    [
      ...common(t, v, options.onAdjust).pre,
      ...t.sections.map((s) => part(s, options, content)),
      ...t.feedback.map((f) => feedback(f, content)),
    ],
  );
}

/** The test as a QTI document element tree. */
export function testElement(test: AssessmentTest, options: WriteTestOptions = {}): OutElement {
  const v = options.version ?? '3.0';
  const content: ContentWriteOptions = {
    version: v,
    onAdjust: options.onAdjust,
    ids: new Set(),
    inTest: true,
  };
  const root = qtiElement(
    'assessmentTest',
    v,
    {
      identifier: test.identifier,
      title: test.title,
      toolName: test.toolName,
      toolVersion: test.toolVersion,
    },
    [
      ...test.outcomeDeclarations.map((d) => declarationElement(d, v, options.onAdjust)),
      ...timeLimits(test.timeLimits, v),
      ...test.stylesheets.map((href) => qtiElement('stylesheet', v, { href, type: 'text/css' })),
      ...test.testParts.map((t) => testPart(t, options, content)),
      ...(test.outcomeProcessing
        ? [
            qtiElement(
              'outcomeProcessing',
              v,
              {},
              test.outcomeProcessing.map((n) => processingElement(n, v, options.onAdjust)),
            ),
          ]
        : []),
      ...test.feedback.map((f) => feedback(f, content)),
    ],
  );
  root.namespace = QTI_NAMESPACE[v];
  root.attributes!.unshift(['xmlns:xsi', XSI_NAMESPACE], ['xsi:schemaLocation', SCHEMA_LOCATION[v]]);
  return root;
}

/** Writes the test as a QTI 3.0 (default) or 2.2 document. */
export function writeTestXml(test: AssessmentTest, options: WriteTestOptions = {}): string {
  return serialiseXml(testElement(test, options));
}
