/** Test categories as the schemas take them (identifiers), written the same way wherever they appear. */

const NCNAME = /^[A-Za-z_][\w.-]*$/u;

/**
 * A category (an identifier of the schemas) as an NCName: a source's `1` becomes `_1`. Applied
 * wherever categories are written (itemRef category, includeCategory, excludeCategory), so
 * every reference still meets its category.
 */
export const categoryName = (name: string) =>
  NCNAME.test(name) ? name : `_${name.replace(/[^\w.-]/gu, '_')}`;

/** A space-separated list of categories with each one as categoryName writes it. */
export function categoryList(list: string, onAdjust?: (note: string) => void): string {
  const names = list.split(/\s+/).filter(Boolean);
  const written = names.map(categoryName);
  if (written.some((n, i) => n !== names[i]))
    onAdjust?.(
      `Categories ${names.join(' ')} written as ${written.join(' ')} (categories are identifiers; every reference is written the same way).`,
    );
  return written.join(' ');
}
