/**
 * A QTI 3 portable custom interaction (`qti-portable-custom-interaction`) in the form QTI 2.2 has
 * for it: a `customInteraction` holding the response identifier around a `portableCustomInteraction`
 * of the IMS PCI v1 namespace, with its `modules`, `properties` and `markup` (the form TAO writes,
 * and the one read-portable-interaction.ts reads back into the same PCI model).
 *
 * QTI 3 puts the configuration in `data-*` attributes; PCI v1 in `property` elements keyed by the
 * name the module reads (the dataset spelling: `data-tap-message` -> `tapMessage`). The markup is
 * written in the XHTML namespace, as TAO writes it (see `inForeign` in write-content.ts). Parts PCI v1 has no element for (template and
 * context variables, stylesheets, catalog info) are kept as elements of the PCI namespace, and the
 * prompt (customInteraction has none) is written just before the interaction; each is reported.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';

export const PCI_V1_NAMESPACE = 'http://www.imsglobal.org/xsd/portableCustomInteraction_v1';

/** Attributes QTI 2.2 has on customInteraction itself; the rest belong to the PCI. */
const CUSTOM_INTERACTION_ATTRIBUTES = new Set(['responseIdentifier', 'id', 'class', 'xml:lang', 'label']);
/** The PCI's own attributes, which the v1 element keeps under the same names. */
const PCI_ATTRIBUTES = new Set(['customInteractionTypeIdentifier', 'module']);

/** `data-tap-message` -> `tapMessage`, the key the module reads (the HTML dataset spelling). */
const datasetKey = (attribute: string) =>
  attribute.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const pciElement = (
  name: string,
  attributes: Record<string, string>,
  children: ContentNode[] = [],
): ContentElement => ({
  kind: 'element',
  name,
  ns: 'other',
  namespace: PCI_V1_NAMESPACE,
  attributes,
  children,
});

const childElements = (e: ContentElement) =>
  e.children.filter((c): c is ContentElement => c.kind === 'element');

/**
 * The QTI 2.2 nodes standing for one QTI 3 PCI element: the customInteraction, preceded by the
 * prompt when it has one. `onAdjust` is told of every part written another way.
 */
export function pciAsCustomInteraction(
  pci: ContentElement,
  onAdjust?: (note: string) => void,
): ContentNode[] {
  const outer: Record<string, string> = {};
  const inner: Record<string, string> = {};
  const properties: ContentElement[] = [];
  for (const [name, value] of Object.entries(pci.attributes)) {
    if (CUSTOM_INTERACTION_ATTRIBUTES.has(name)) outer[name] = value;
    else if (name.startsWith('data-'))
      properties.push(pciElement('property', { key: datasetKey(name) }, [{ kind: 'text', text: value }]));
    else {
      inner[name] = value;
      if (!PCI_ATTRIBUTES.has(name))
        onAdjust?.(
          `${name}="${value}" of a portable custom interaction kept on its pci:portableCustomInteraction.`,
        );
    }
  }
  const before: ContentNode[] = [];
  const parts: ContentElement[] = [];
  let markup: ContentNode[] = [];
  for (const child of childElements(pci)) {
    if (child.ns === 'qti' && child.name === 'interactionModules')
      parts.push(
        pciElement(
          'modules',
          child.attributes,
          childElements(child)
            .filter((m) => m.ns === 'qti' && m.name === 'interactionModule')
            .map((m) => pciElement('module', m.attributes)),
        ),
      );
    else if (child.ns === 'qti' && child.name === 'interactionMarkup') markup = child.children;
    else if (child.ns === 'qti' && child.name === 'prompt') {
      onAdjust?.(
        'The prompt of a portable custom interaction written before its customInteraction (QTI 2.2 customInteraction has no prompt).',
      );
      before.push({
        kind: 'element',
        name: 'div',
        ns: 'html',
        attributes: { class: 'qti-prompt' },
        children: child.children,
      });
    } else {
      onAdjust?.(
        `${child.name} of a portable custom interaction kept as pci:${child.name} (PCI v1 in QTI 2.2 has no element for it).`,
      );
      parts.push({ ...child, ns: 'other', namespace: PCI_V1_NAMESPACE });
    }
  }
  const entry = pci.attributes.module?.trim();
  const modules = parts.find((p) => p.name === 'modules');
  if (entry && !modules?.children.some((m) => m.kind === 'element' && m.attributes.id === entry)) {
    // QTI 3 resolves a module it lists nowhere by convention (modules/<id>.js); PCI v1 needs it named.
    const primaryPath = `modules/${entry}.js`;
    onAdjust?.(
      `The PCI module ${entry}, named only by module="${entry}", written as a pci:module at ${primaryPath} (where QTI 3 resolves it).`,
    );
    const module = pciElement('module', { id: entry, primaryPath });
    if (modules) modules.children.push(module);
    else parts.unshift(pciElement('modules', {}, [module]));
  }
  const inside = [
    ...(properties.length ? [pciElement('properties', {}, properties)] : []),
    ...parts,
    pciElement('markup', {}, markup),
  ];
  return [
    ...before,
    {
      kind: 'element',
      name: 'customInteraction',
      ns: 'qti',
      attributes: outer,
      children: [pciElement('portableCustomInteraction', inner, inside)],
    },
  ];
}
