/** Calls to the engine's staff API with the bearer token kept for this tab. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const TOKEN = 'author.token';
export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN);
  },
  set(token: string | null) {
    if (token) sessionStorage.setItem(TOKEN, token);
    else sessionStorage.removeItem(TOKEN);
  },
};

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`/api${path}`, { method, headers, body: payload });
  const data = (await response.json().catch(() => ({}))) as {
    error?: { id: string; message: string; details?: unknown };
  };
  if (!response.ok)
    throw new ApiError(
      response.status,
      data.error?.id ?? 'error',
      data.error?.message ?? response.statusText,
      data.error?.details,
    );
  return data as T;
}

export type Kind = 'single' | 'multiple' | 'trueFalse' | 'shortAnswer' | 'essay';
export interface Draft {
  number: number;
  label: string;
  kind: Kind;
  stem: string[];
  options: Array<{ label: string; text: string; correct: boolean | null }>;
  answers: string[];
  points?: number;
  feedback?: string;
  line?: number;
  paragraph?: number;
}
export interface Problem {
  number?: number;
  line?: number;
  paragraph?: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  messageEn: string;
}
export interface PreviewQuestion {
  number: number;
  label: string;
  identifier: string;
  draft: Draft;
  valid: boolean;
  skipped: boolean;
  problems: Problem[];
}
export interface Preview {
  format: string;
  filename: string | null;
  ok: boolean;
  problems: Problem[];
  questions: PreviewQuestion[];
}
export interface Bank {
  id: string;
  name: string;
  organisationName: string;
  writable: boolean;
}
export interface ItemSummary {
  id: string;
  identifier: string;
  title: string;
  status: 'draft' | 'in_review' | 'published' | 'retired';
  currentVersion: number;
  grade: number | null;
  cognitiveLevel: string | null;
  interactionTypes: string[];
}
export interface Me {
  fullName: string;
  role: string;
  abilities: string[];
}
/** GET /api/item-statistics: an item's figures pooled over the scored sittings that used it. */
export interface ItemStatistics {
  itemId: string;
  sittings: number;
  candidates: number;
  p: number;
  discrimination: number;
  pointBiserial: number;
  meanScore: number;
  maxScore: number;
  omitRate: number;
  lastUsed: string;
  flags: string[];
}
