/**
 * Safe Exam Browser's JavaScript API (SEB 3 on macOS/iOS and newer SEB for Windows): the Config Key
 * and Browser Exam Key hashes for this page's URL, sent with check-in where SEB sends no headers.
 */
interface SebSecurity {
  configKey?: string;
  browserExamKey?: string;
  updateKeys?(done: () => void): void;
}

export interface SebKeys {
  url: string;
  configKey?: string;
  browserExamKey?: string;
}

const usable = (key: string | undefined) => (key && /^[0-9a-f]{64}$/.test(key) ? key : undefined);

/** The keys for this page, or undefined outside SEB. `updateKeys` is awaited for at most two seconds. */
export async function sebKeys(): Promise<SebKeys | undefined> {
  const security = (window as unknown as { SafeExamBrowser?: { security?: SebSecurity } }).SafeExamBrowser
    ?.security;
  if (!security) return undefined;
  if (security.updateKeys) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      security.updateKeys!(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const configKey = usable(security.configKey);
  const browserExamKey = usable(security.browserExamKey);
  if (!configKey && !browserExamKey) return undefined;
  return {
    url: location.href.split('#')[0]!,
    ...(configKey ? { configKey } : {}),
    ...(browserExamKey ? { browserExamKey } : {}),
  };
}
