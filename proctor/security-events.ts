/**
 * Secure mode's browser monitors (the candidate socket's `security:event`) as device events, so the same rules
 * turn them into incidents: leaving full screen, losing focus, hiding the tab, blocked copy/cut/paste. Events with
 * no rule of their own (context menu, print, drag blocked) stay stored session events only.
 */
import type { DeviceEvent } from './events.ts';

export function deviceEventOfSecurityEvent(type: string, at: number): DeviceEvent | null {
  switch (type) {
    case 'fullscreen_exit':
    case 'fullscreen_enter':
      return { kind: 'fullscreen', at, active: type === 'fullscreen_enter' };
    case 'focus_lost':
    case 'focus_returned':
      return { kind: 'focus', at, focused: type === 'focus_returned' };
    case 'visibility_hidden':
    case 'visibility_visible':
      return { kind: 'visibility', at, visible: type === 'visibility_visible' };
    case 'copy_blocked':
      return { kind: 'clipboard', at, action: 'copy' };
    case 'cut_blocked':
      return { kind: 'clipboard', at, action: 'cut' };
    case 'paste_blocked':
      return { kind: 'clipboard', at, action: 'paste' };
    default:
      return null;
  }
}
