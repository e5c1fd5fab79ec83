import { StaffLogin } from '../shared/staff-login.tsx';
import { login, session } from './api.ts';
import { useT } from './i18n.tsx';

/** Staff sign-in (POST /api/auth/login), as on the authoring pages. */
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
      signIn={async (username, password) => session.start(await login(username, password))}
      onSignedIn={onSignedIn}
      submitClassName="primary"
    />
  );
}
