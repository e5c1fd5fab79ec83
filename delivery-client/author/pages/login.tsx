import { StaffLogin } from '../../shared/staff-login.tsx';
import { api, ok, session } from '../api.ts';
import { useT } from '../i18n.tsx';

/** Staff sign-in: POST /api/auth/login; the session (access and refresh tokens) is kept for this tab. */
export function Login({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useT();
  return (
    <StaffLogin
      text={{
        title: t('login.title'),
        username: t('login.username'),
        password: t('login.password'),
        submit: t('login.submit'),
        failed: t('login.failed'),
      }}
      signIn={async (username, password) => {
        const result = await ok(api.POST('/api/auth/login', { body: { username, password } }));
        session.start(result);
      }}
      onSignedIn={onSignedIn}
    />
  );
}
