import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { AuthorI18nProvider } from './i18n.tsx';
import './author.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthorI18nProvider>
      <App />
    </AuthorI18nProvider>
  </StrictMode>,
);
