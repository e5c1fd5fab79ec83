/**
 * XML Schema regular expressions (used by patternMatch) in JavaScript: implicitly anchored,
 * `\i`/`\c` name classes, character-class subtraction `[a-z-[aeiou]]`, and no `^`/`$` anchors
 * (they are ordinary characters in XSD). Compiled with the `u` flag.
 */
const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD:';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

const cache = new Map<string, RegExp>();

export function xsdRegex(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let out = '';
  let inClass = 0;
  /** Class nesting levels whose closing bracket must also close a subtraction group. */
  const subtractions: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1];
      i++;
      if (next === 'i') out += inClass ? NAME_START : `[${NAME_START}]`;
      else if (next === 'I') out += `[^${NAME_START}]`;
      else if (next === 'c') out += inClass ? NAME_CHAR : `[${NAME_CHAR}]`;
      else if (next === 'C') out += `[^${NAME_CHAR}]`;
      else if (next === 'p' || next === 'P') {
        const close = pattern.indexOf('}', i);
        out += `\\${next}${pattern.slice(i + 1, close + 1)}`;
        i = close;
      } else out += `\\${next ?? ''}`;
      continue;
    }
    if (ch === '[') {
      inClass++;
      out += '[';
      continue;
    }
    if (ch === ']') {
      out += subtractions[subtractions.length - 1] === inClass ? (subtractions.pop(), '])') : ']';
      inClass = Math.max(0, inClass - 1);
      continue;
    }
    if (inClass && ch === '-' && pattern[i + 1] === '[') {
      // Class subtraction: [base-[minus]] becomes (?![minus])[base].
      const end = pattern.indexOf(']', i + 2);
      const minus = pattern.slice(i + 2, end);
      const start = out.lastIndexOf('[');
      const base = out.slice(start);
      // The group repeats as a whole, so quantifiers after the class apply to the subtraction too.
      out = `${out.slice(0, start)}(?:(?![${minus}])${base}`;
      subtractions.push(inClass);
      i = end;
      continue;
    }
    if (!inClass && (ch === '^' || ch === '$')) {
      out += `\\${ch}`;
      continue;
    }
    out += ch;
  }
  const re = new RegExp(`^(?:${out})$`, `u${flags}`);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, re);
  return re;
}
