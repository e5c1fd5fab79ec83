/**
 * Reads the portable custom interactions (PCIs) of an item body into the model, from QTI 3's
 * `qti-portable-custom-interaction` and from TAO's QTI 2.2 form (a `customInteraction` holding the
 * response identifier around a `portableCustomInteraction` of the PCI namespace). Module files
 * must come from the item's package: a module whose only path is a URL is refused, with its place.
 */
import { walkContent, type ContentElement, type ContentNode } from '../model/content.ts';
import { isRelativeUrl } from '../model/sanitise-content.ts';
import type { PciModule, PciProperties, PortableInteraction } from '../model/portable-interaction.ts';
import type { ProblemList } from './problems.ts';

const childElements = (e: ContentElement) =>
  e.children.filter((c): c is ContentElement => c.kind === 'element');

const textOf = (e: ContentElement): string =>
  e.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('');

const at = (e: ContentElement) => ({ line: e.line, column: e.column });

/** `data-tap-message` -> `tapMessage`, as the HTML dataset spells it (the QTI 3 PCI rule for properties). */
const datasetKey = (attribute: string) =>
  attribute.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A PCI module path names a package file: relative, no scheme, no host, not absolute. */
const isPackagePath = (path: string) => isRelativeUrl(path) && !path.trim().startsWith('/');

/** RequireJS-style paths leave `.js` out (`modules/tap`); the package file has it. */
const withJsExtension = (path: string) => (/\.[a-z0-9]+$/i.test(path) ? path : `${path}.js`);

/** The package file a module is loaded from, or undefined (and a problem) when it has none. */
function modulePath(
  module: ContentElement,
  id: string,
  primary: string | undefined,
  fallback: string | undefined,
  problems: ProblemList,
): string | undefined {
  const given = [fallback, primary].filter((p): p is string => Boolean(p?.trim()));
  if (!given.length) {
    problems.error(
      'pci-module-without-path',
      `The PCI module ${id} has no primary-path or fallback-path; paths given only in a module configuration file are not read: give the module its package file.`,
      at(module),
    );
    return undefined;
  }
  // An offline engine serves the package's own copy: the fallback path when there is one (by the
  // PCI specification the file shipped with the item), else the primary path. Never the internet.
  const local = given.find(isPackagePath);
  for (const path of given.filter((p) => !isPackagePath(p)))
    if (local)
      problems.warning(
        'pci-module-url',
        `The PCI module ${id} names ${path}, a URL; its copy in the package (${local}) is used instead: modules never come from the internet.`,
        at(module),
      );
    else
      problems.error(
        'pci-module-url',
        `The PCI module ${id} is loaded from ${path}, a URL: modules must be files of the item's package, never from the internet.`,
        at(module),
      );
  return local ? withJsExtension(local.trim()) : undefined;
}

function readModules(elements: ContentElement[], problems: ProblemList): PciModule[] {
  const modules: PciModule[] = [];
  for (const m of elements) {
    const id = m.attributes.id?.trim();
    if (!id) {
      problems.error('pci-module-without-id', 'A PCI module has no id.', at(m));
      continue;
    }
    const path = modulePath(m, id, m.attributes.primaryPath, m.attributes.fallbackPath, problems);
    if (path) modules.push({ id, path, ...at(m) });
  }
  return modules;
}

/** TAO's `properties`: `property` (or the older `entry`) by key, nested `properties` as groups. */
function readTaoProperties(e: ContentElement): PciProperties {
  const out: PciProperties = {};
  for (const c of childElements(e)) {
    const key = c.attributes.key;
    if (key === undefined) continue;
    out[key] = c.name === 'properties' ? readTaoProperties(c) : textOf(c);
  }
  return out;
}

function readQti3(e: ContentElement, problems: ProblemList): PortableInteraction {
  const properties: PciProperties = {};
  for (const [name, value] of Object.entries(e.attributes))
    if (name.startsWith('data-')) properties[datasetKey(name)] = value;
  const children = childElements(e);
  const moduleElements = children
    .filter((c) => c.name === 'interactionModules')
    .flatMap((c) => childElements(c).filter((m) => m.name === 'interactionModule'));
  const modules = readModules(moduleElements, problems);
  const entryModule = e.attributes.module?.trim();
  if (entryModule && !modules.some((m) => m.id === entryModule)) {
    // No qti-interaction-modules entry for it: the specification's module_resolution.js maps ids to
    // package files; its usual layout (and the 1EdTech examples') is modules/<id>.js.
    const guessed = `modules/${entryModule}.js`;
    problems.warning(
      'pci-module-resolved-by-convention',
      `The PCI module ${entryModule} has no qti-interaction-module; it is loaded from ${guessed} in the package.`,
      at(e),
    );
    modules.push({ id: entryModule, path: guessed, ...at(e) });
  }
  const markup = children.find((c) => c.name === 'interactionMarkup');
  return {
    responseIdentifier: e.attributes.responseIdentifier ?? '',
    typeIdentifier: e.attributes.customInteractionTypeIdentifier ?? '',
    modules,
    ...(entryModule ? { entryModule } : {}),
    properties,
    markup: markup?.children ?? [],
    form: 'qti3',
    location: { line: e.line ?? 1, column: e.column ?? 1 },
  };
}

const TAO_PARTS = new Set(['modules', 'properties', 'resources', 'markup', 'responseSchema']);

function readTao(
  wrapper: ContentElement,
  pci: ContentElement,
  problems: ProblemList,
): PortableInteraction | undefined {
  const children = childElements(pci);
  if (children.some((c) => c.name === 'instance')) {
    problems.error(
      'pci-unsupported-form',
      'This PCI uses the 2015 draft form (pci:instance with inline script), which is not run: write it with modules, properties and markup.',
      at(pci),
    );
    return undefined;
  }
  const moduleElements = children
    .filter((c) => c.name === 'modules')
    .flatMap((c) => childElements(c).filter((m) => m.name === 'module'));
  const modules = readModules(moduleElements, problems);
  // TAO's earlier form names one AMD file in `hook` and shared libraries in `resources`.
  const hook = pci.attributes.hook;
  if (hook !== undefined) {
    const id = hook.replace(/\.js$/i, '');
    const path = modulePath(pci, id, hook, undefined, problems);
    if (path) modules.push({ id, path, ...at(pci) });
  }
  for (const lib of children
    .filter((c) => c.name === 'resources')
    .flatMap((c) => [...walkContent(c.children)].filter((l) => l.name === 'lib')))
    problems.error(
      'pci-shared-library',
      `The PCI needs the shared library ${lib.attributes.id ?? lib.attributes.name ?? '(unnamed)'}, which is not a file of the package; the engine provides no shared libraries.`,
      at(lib),
    );
  if (!modules.length) problems.error('pci-without-module', 'The PCI names no module to run.', at(pci));
  const properties = children.find((c) => c.name === 'properties');
  // TAO writes `<markup xmlns="http://www.w3.org/1999/xhtml">`: not an XHTML element, so the
  // sanitiser unwraps it and its content sits directly in the PCI.
  const markup = children.find((c) => c.name === 'markup');
  const markupNodes: ContentNode[] = markup
    ? markup.children
    : pci.children.filter((c) => c.kind === 'element' && c.ns === 'html' && !TAO_PARTS.has(c.name));
  // `module` names the entry module, as QTI 3's attribute does (our 2.2 writer keeps it there).
  const entryModule = pci.attributes.module?.trim();
  return {
    responseIdentifier: wrapper.attributes.responseIdentifier ?? '',
    typeIdentifier: pci.attributes.customInteractionTypeIdentifier ?? '',
    modules,
    ...(entryModule ? { entryModule } : {}),
    properties: properties ? readTaoProperties(properties) : {},
    markup: markupNodes,
    form: 'tao',
    location: { line: pci.line ?? 1, column: pci.column ?? 1 },
  };
}

/** Whether an element is TAO's inner PCI (its interaction is the customInteraction around it). */
export const isWrappedPci = (e: ContentElement) => e.name === 'portableCustomInteraction' && e.ns !== 'qti';

/** The PCIs of an item body, in document order. */
export function readPortableInteractions(body: ContentElement, problems: ProblemList): PortableInteraction[] {
  const found: PortableInteraction[] = [];
  for (const e of walkContent([body])) {
    if (e.name === 'portableCustomInteraction' && e.ns === 'qti') found.push(readQti3(e, problems));
    else if (e.name === 'customInteraction') {
      const inner = childElements(e).find(isWrappedPci);
      const pci = inner && readTao(e, inner, problems);
      if (pci) found.push(pci);
    }
  }
  return found;
}
