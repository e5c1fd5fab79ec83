import { useEffect, useState, type CSSProperties } from 'react';
import { createApi, ok } from './api/client.ts';
import type { StaffSession } from './api/staff-session.ts';
import { StaffLogin } from './staff-login.tsx';

const TEXT = {
  vi: {
    title: 'Phiên đăng nhập đã hết hạn',
    lead: 'Hãy nhập lại mật khẩu để làm tiếp. Những gì bạn đang làm trên trang này vẫn được giữ nguyên và sẽ được gửi đi ngay sau khi đăng nhập.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập lại',
    failed: 'Mật khẩu không đúng. Hãy thử lại.',
  },
  en: {
    title: 'Your session has ended',
    lead: 'Enter your password again to carry on. What you were doing on this page is kept and will be sent as soon as you are signed in.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in again',
    failed: 'Wrong password. Try again.',
  },
} as const;

const backdrop: CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(0, 0, 0, 0.45)',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: '1rem',
  zIndex: 1000,
};

const publicApi = createApi(() => null);

/**
 * Asks a staff member whose session has really ended (the refresh token refused) to sign in again
 * over the page they are on, so nothing they were doing is lost: the requests held meanwhile are sent
 * once they have (shared/api/staff-session.ts).
 */
export function SignInAgain({
  session,
  lang,
  username,
}: {
  session: StaffSession;
  lang: 'vi' | 'en';
  username?: string;
}) {
  const [ended, setEnded] = useState(false);
  useEffect(() => session.onEnded(() => setEnded(true)), [session]);
  if (!ended) return null;
  const text = TEXT[lang];
  return (
    <div role="dialog" aria-modal="true" aria-label={text.title} style={backdrop}>
      <StaffLogin
        text={text}
        fixedUsername={username}
        signIn={async (name, password) => {
          const tokens = await ok(publicApi.POST('/api/auth/login', { body: { username: name, password } }));
          session.start(tokens);
        }}
        onSignedIn={() => setEnded(false)}
      />
    </div>
  );
}
