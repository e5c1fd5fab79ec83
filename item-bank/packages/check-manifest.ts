/**
 * The check every reader of a content package makes of its `imsmanifest.xml`: one that is not
 * well-formed XML, or whose root is not `manifest`, is an error at its line and column.
 */
import type { ValidationProblem } from '../qti/problems.ts';
import { parseXmlTree, XmlSyntaxError, type XmlLimits } from '../qti/xml-tree.ts';

/**
 * A manifest is read, not ignored: one that is not well-formed XML, or whose root is not
 * `manifest`, is an error at its place (the package's structure cannot be trusted).
 */
export function manifestProblems(file: string, xml: string, limits?: XmlLimits): ValidationProblem[] {
  try {
    const root = parseXmlTree(xml.replace(/^\uFEFF/, ''), file, limits);
    if (root.name === 'manifest') return [];
    return [
      {
        file,
        line: root.location.line,
        column: root.location.column,
        severity: 'error',
        code: 'manifest-not-ims',
        message: `imsmanifest.xml has the root <${root.name}>; an IMS content package manifest has <manifest>.`,
      },
    ];
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return [
      {
        file,
        line: error.location.line,
        column: error.location.column,
        severity: 'error',
        code: 'manifest-malformed',
        message: `imsmanifest.xml is not well-formed XML: ${error.message}`,
      },
    ];
  }
}
