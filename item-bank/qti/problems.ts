/** Problems found in a QTI file: where, how bad, and a plain sentence. */
export interface ValidationProblem {
  file?: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

export class ProblemList {
  readonly items: ValidationProblem[] = [];
  constructor(private readonly file?: string) {}
  add(
    severity: ValidationProblem['severity'],
    code: string,
    message: string,
    at?: { line?: number; column?: number },
  ) {
    this.items.push({
      file: this.file,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      severity,
      code,
      message,
    });
  }
  error(code: string, message: string, at?: { line?: number; column?: number }) {
    this.add('error', code, message, at);
  }
  warning(code: string, message: string, at?: { line?: number; column?: number }) {
    this.add('warning', code, message, at);
  }
  get hasErrors() {
    return this.items.some((p) => p.severity === 'error');
  }
}
