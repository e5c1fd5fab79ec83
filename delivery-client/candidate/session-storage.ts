/** Where the candidate's session token and this tab's identity live in the browser. */
const TOKEN_KEY = 'exam.session';
const DEVICE_KEY = 'exam.device';
const TAB_KEY = 'exam.tab';

export interface StoredSession {
  token: string;
  sessionId: string;
  checkIn: unknown;
}

const randomId = () => crypto.randomUUID();

export const deviceId = () =>
  localStorage.getItem(DEVICE_KEY) ??
  (localStorage.setItem(DEVICE_KEY, randomId()), localStorage.getItem(DEVICE_KEY)!);
export const tabId = () =>
  sessionStorage.getItem(TAB_KEY) ??
  (sessionStorage.setItem(TAB_KEY, randomId()), sessionStorage.getItem(TAB_KEY)!);

export function loadSession(): StoredSession | undefined {
  const raw = localStorage.getItem(TOKEN_KEY);
  return raw ? (JSON.parse(raw) as StoredSession) : undefined;
}

export function saveSession(session: StoredSession): void {
  localStorage.setItem(TOKEN_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
}
