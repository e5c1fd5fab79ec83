/** The review workflow of an item: draft -> in review -> published -> retired, with who and when. */
export const ITEM_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

const TRANSITIONS: Record<ItemStatus, readonly ItemStatus[]> = {
  draft: ['in_review', 'retired'],
  in_review: ['published', 'draft'],
  published: ['retired', 'draft'],
  retired: ['draft'],
};

export function canTransition(from: ItemStatus, to: ItemStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: ItemStatus): readonly ItemStatus[] {
  return TRANSITIONS[from];
}
