/** Incidents: what the rules raise from device events, for a proctor to look at and decide. */

export type Severity = 'low' | 'medium' | 'high';

export const INCIDENT_KINDS = [
  'no_face',
  'multiple_faces',
  'head_turned',
  'looking_down',
  'phone',
  'book',
  'speech',
  'focus_lost',
  'tab_hidden',
  'fullscreen_exit',
  'copy_paste',
  'second_screen',
  'devtools',
  'identity_mismatch',
  'identity_no_photo',
  'identity_no_face',
  'camera_unavailable',
  /** The device sent far more events than any monitor does (the excess was not stored). */
  'events_flood',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const SEVERITY: Record<IncidentKind, Severity> = {
  no_face: 'medium',
  multiple_faces: 'high',
  head_turned: 'medium',
  looking_down: 'low',
  phone: 'high',
  book: 'medium',
  speech: 'medium',
  focus_lost: 'medium',
  tab_hidden: 'medium',
  fullscreen_exit: 'medium',
  copy_paste: 'low',
  second_screen: 'high',
  devtools: 'high',
  identity_mismatch: 'high',
  identity_no_photo: 'low',
  identity_no_face: 'medium',
  camera_unavailable: 'high',
  events_flood: 'medium',
};

/**
 * One incident. Times are the device's clock (epoch ms): `startedAt` when the condition began, `at` when it
 * became an incident (after the policy's delay). `details` holds numbers only (durations, scores, angles).
 */
export interface Incident {
  kind: IncidentKind;
  severity: Severity;
  startedAt: number;
  at: number;
  details: Record<string, number | string | boolean>;
}
