import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ProctorI18nProvider } from './i18n.tsx';
import './proctor.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProctorI18nProvider>
      <App />
    </ProctorI18nProvider>
  </StrictMode>,
);
