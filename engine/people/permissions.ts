/**
 * What each staff role may do. Scope (the organisation subtree) is checked separately by
 * `access()`; this table answers only "may this role do this kind of thing at all".
 */
import type { StaffRole } from './actor.ts';

export const PERMISSIONS = [
  'organisations:read',
  'organisations:write',
  'users:read',
  'users:write',
  'classes:read',
  'classes:write',
  'students:read',
  'students:write',
  'roster:import',
  'audit:read',
  'banks:write',
  'items:read',
  'items:write',
  'items:review',
  'sittings:read',
  'sittings:write',
  'sessions:control',
  'results:read',
  'results:write',
  'marking:mark',
  'marking:moderate',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<StaffRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  exam_board: [
    'organisations:read',
    'users:read',
    'classes:read',
    'classes:write',
    'students:read',
    'students:write',
    'roster:import',
    'banks:write',
    'items:read',
    'items:write',
    'items:review',
    'sittings:read',
    'sittings:write',
    'sessions:control',
    'results:read',
    'results:write',
    'marking:mark',
    'marking:moderate',
  ],
  teacher: [
    'organisations:read',
    'classes:read',
    'students:read',
    'banks:write',
    'items:read',
    'items:write',
    'sittings:read',
    'results:read',
    'marking:mark',
  ],
  proctor: ['organisations:read', 'classes:read', 'students:read', 'sittings:read', 'sessions:control'],
};

export function roleCan(role: StaffRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Every permission of a role, sent to staff pages so they can hide what the engine would refuse. */
export function abilitiesOf(role: StaffRole): Permission[] {
  return [...GRANTS[role]];
}
