/**
 * Safe Exam Browser configuration for a sitting: the .seb file (a plain plist) and its Config
 * Key, SHA-256 of the "SEB-JSON" form of the settings (keys sorted case-insensitively at every
 * level, originatorVersion removed, empty dictionaries dropped, no whitespace). SEB computes the
 * same key from the same file on every platform, so the engine can check it without a registry.
 */
import { createHash } from 'node:crypto';
import { build } from 'plist';

export type SebValue = string | number | boolean | Date | Buffer | SebValue[] | { [key: string]: SebValue };

function canonical(value: SebValue): string | undefined {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Buffer.isBuffer(value)) return JSON.stringify(value.toString('base64'));
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v) ?? '{}').join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => k !== 'originatorVersion')
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    const parts = keys.flatMap((k) => {
      const inner = canonical(value[k]!);
      return inner === undefined ? [] : [`${JSON.stringify(k)}:${inner}`];
    });
    return parts.length ? `{${parts.join(',')}}` : undefined;
  }
  return JSON.stringify(value);
}

/** The SEB-JSON text of a settings dictionary. */
export function sebJson(settings: Record<string, SebValue>): string {
  return canonical(settings) ?? '{}';
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function configKeyOf(settings: Record<string, SebValue>): string {
  return sha256Hex(sebJson(settings));
}

export interface SebSittingSettings {
  startUrl: string;
  quitUrl?: string;
  /** Plain quit password; stored in the file only as its SHA-256. */
  quitPassword?: string;
}

/** The settings dictionary the engine issues for a sitting. */
export function sittingSebSettings(options: SebSittingSettings): Record<string, SebValue> {
  return {
    startURL: options.startUrl,
    sendBrowserExamKey: true,
    browserWindowWebView: 3,
    allowQuit: Boolean(options.quitPassword),
    ...(options.quitPassword ? { hashedQuitPassword: sha256Hex(options.quitPassword) } : {}),
    ...(options.quitUrl ? { quitURL: options.quitUrl } : {}),
    browserWindowAllowReload: true,
    showTaskBar: true,
    showReloadButton: true,
    audioMute: false,
    URLFilterEnable: false,
    examSessionClearCookiesOnStart: true,
    allowSpellCheck: false,
    enablePrintScreen: false,
  };
}

export function sebFile(settings: Record<string, SebValue>): string {
  return build(settings as Parameters<typeof build>[0]);
}
