/**
 * The CAT of an adaptive section (grading/adaptive), built once per parsed form spec: the pool is
 * the section's items with the parameters pinned at scheduling, each item's blueprint cell (its
 * topic and cognitive level) and its enemies; the configuration is the section's.
 */
import { adaptive } from '../../../grading/index.ts';
import type { AdaptiveSpec } from '../../sittings/adaptive-spec.ts';
import { isSection, type FormItemSpec, type FormSpec, type SectionSpec } from '../../sittings/form.ts';

export interface SectionCat {
  section: SectionSpec & { adaptive: AdaptiveSpec };
  cat: adaptive.Cat;
  /** Pool items by itemRef (the CAT's item ids). */
  items: ReadonlyMap<string, FormItemSpec>;
}

const built = new WeakMap<SectionSpec, SectionCat>();

/** The adaptive section of a form spec with the given identifier, or undefined. */
export function adaptiveSectionOf(spec: FormSpec, identifier: string): SectionSpec | undefined {
  return spec.sections?.find((s) => s.identifier === identifier && s.adaptive);
}

export function sectionCat(spec: FormSpec, identifier: string): SectionCat {
  const section = adaptiveSectionOf(spec, identifier);
  if (!section?.adaptive) throw new Error(`form has no adaptive section ${identifier}`);
  let found = built.get(section);
  if (found) return found;
  const config = section.adaptive;
  const items = section.items.filter((i): i is FormItemSpec => !isSection(i));
  const enemies = new Map<string, string[]>();
  for (const [a, b] of config.enemies) enemies.set(a, [...(enemies.get(a) ?? []), b]);
  const pool: adaptive.PoolItem[] = items.map((item) => {
    const pinned = config.parameters[item.itemRef];
    if (!pinned) throw new Error(`adaptive section ${identifier}: ${item.itemRef} has no pinned parameters`);
    return {
      ...pinned.params,
      id: item.itemRef,
      ...(pinned.topic !== undefined ? { topic: pinned.topic } : {}),
      ...(pinned.level !== undefined ? { level: pinned.level } : {}),
      ...(enemies.has(item.itemRef) ? { enemies: enemies.get(item.itemRef) } : {}),
    };
  });
  const cat = adaptive.createCat(pool, {
    estimator: config.estimator,
    selector: config.selector,
    ...(config.strata !== undefined ? { strata: config.strata } : {}),
    exposure: config.exposure,
    ...(config.blueprint ? { blueprint: config.blueprint } : {}),
    stop: config.stop,
  });
  found = {
    section: section as SectionCat['section'],
    cat,
    items: new Map(items.map((i) => [i.itemRef, i])),
  };
  built.set(section, found);
  return found;
}
