/**
 * A polite live region for one part of a page: always in the document (so screen readers announce
 * what appears in it), showing a notice, an error, or more detail such as a list of problems.
 */
import type { ReactNode } from 'react';

export function LiveStatus({
  notice,
  error,
  children,
}: {
  notice?: string;
  error?: string;
  children?: ReactNode;
}) {
  return (
    <div aria-live="polite" className="live-status">
      {notice && <p className="notice">{notice}</p>}
      {error && <p className="error">{error}</p>}
      {children}
    </div>
  );
}
