import { useEffect, useRef, useState } from 'react';
import { api, ok, session, type Bank, type Me } from './api.ts';
import { useT } from './i18n.tsx';
import { Browse } from './pages/browse.tsx';
import { DraftEditor } from './pages/draft-editor.tsx';
import { ImportPage } from './pages/import.tsx';
import { Login } from './pages/login.tsx';
import { SignInAgain } from '../shared/sign-in-again.tsx';
import { BlueprintPage } from './pages/blueprint.tsx';
import { BoardPage } from './pages/board.tsx';
import { ItemEditorPage } from './editor/item-editor.tsx';
import { MarkingPage, MARKING_ROUTE } from './pages/marking.tsx';
import { BankBar } from './pages/bank-bar.tsx';
import { CalibrationPage } from './pages/calibration.tsx';
import { CentresPage } from './pages/centres.tsx';

type Page =
  'browse' | 'import' | 'editor' | 'item' | 'blueprint' | 'board' | 'centres' | 'marking' | 'calibration';

/** `#/items/<id>/edit` opens a stored item in the item editor (the bank browser links there). */
const EDIT_ROUTE = /^#\/items\/([0-9a-f-]{36})\/edit$/i;
const editedItem = () => EDIT_ROUTE.exec(location.hash)?.[1];

/** The authoring app: sign-in, then the bank browser, import, item editor, blueprint builder and exam board pages. */
export function App() {
  const { t, lang, setLang } = useT();
  const [me, setMe] = useState<Me>();
  const [banks, setBanks] = useState<Bank[]>([]);
  const [bankId, setBankId] = useState('');
  const [editing, setEditing] = useState(editedItem);
  // Remounts the item editor on navigation, but not when a new item's first save gives it an id.
  const [editorSession, setEditorSession] = useState(0);
  const editingNow = useRef(editing);
  editingNow.current = editing;
  const [page, setPage] = useState<Page>(() =>
    editedItem() ? 'item' : MARKING_ROUTE.test(location.hash) ? 'marking' : 'browse',
  );
  const [signedIn, setSignedIn] = useState(!!session.token);

  useEffect(() => {
    if (!signedIn) return;
    Promise.all([ok(api.GET('/api/auth/me')), ok(api.GET('/api/item-banks'))])
      .then(([user, list]) => {
        setMe(user);
        setBanks(list.items);
        setBankId((current) => current || (list.items.find((b) => b.writable) ?? list.items[0])?.id || '');
      })
      .catch(() => {
        void session.signOut();
        setSignedIn(false);
      });
  }, [signedIn]);

  useEffect(() => {
    const follow = () => {
      if (MARKING_ROUTE.test(location.hash)) setPage('marking');
      const id = editedItem();
      if (id === editingNow.current) return;
      setEditing(id);
      setEditorSession((n) => n + 1);
      if (id) setPage('item');
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const bank = banks.find((b) => b.id === bankId);
  return (
    <>
      <header className="topbar">
        <span className="brand">{t('author.title')}</span>
        {me && (
          <nav aria-label={t('author.title')}>
            {(['browse', 'import', 'editor', 'item', 'blueprint', 'board', 'marking', 'calibration'] as const)
              .filter((p) => p !== 'board' || me.abilities.includes('sittings:write'))
              .filter((p) => p !== 'marking' || me.abilities.includes('marking:mark'))
              .filter((p) => p !== 'calibration' || me.abilities.includes('items:write'))
              .map((p) => (
                <button
                  key={p}
                  type="button"
                  className={page === p ? 'tab active' : 'tab'}
                  aria-current={page === p ? 'page' : undefined}
                  onClick={() => {
                    // Leaving a marking route clears it, so its link opens it again later.
                    if (MARKING_ROUTE.test(location.hash))
                      history.replaceState(null, '', location.pathname + location.search);
                    if (editing) {
                      history.replaceState(null, '', location.pathname + location.search);
                      setEditorSession((n) => n + 1);
                    }
                    setEditing(undefined);
                    setPage(p);
                  }}
                >
                  {t(`nav.${p}`)}
                </button>
              ))}
          </nav>
        )}
        {/* Bank, language and sign-out stay together on one line, at the right. */}
        <div className="tools">
          {me && (
            <BankBar
              me={me}
              banks={banks}
              bankId={bankId}
              onSelect={setBankId}
              onChanged={(changed, created) => {
                setBanks((list) =>
                  list.some((b) => b.id === changed.id)
                    ? list.map((b) => (b.id === changed.id ? changed : b))
                    : [...list, changed],
                );
                if (created) setBankId(changed.id);
              }}
            />
          )}
          <button
            type="button"
            className="secondary"
            lang={lang === 'vi' ? 'en' : 'vi'}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {t('author.lang')}
          </button>
          {me && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                void session.signOut();
                setMe(undefined);
                setSignedIn(false);
              }}
            >
              {t('author.logout')} ({me.fullName})
            </button>
          )}
        </div>
      </header>
      <main className="author">
        {signedIn && <SignInAgain session={session} lang={lang} username={me?.username} />}
        {!signedIn && <Login onSignedIn={() => setSignedIn(true)} />}
        {signedIn && me && page === 'marking' && (
          <MarkingPage canConfigure={me.abilities.includes('marking:moderate')} />
        )}
        {signedIn && me && !bank && page !== 'marking' && <p>{t('bank.none')}</p>}
        {signedIn && me && bank && page === 'browse' && <Browse bank={bank} me={me} />}
        {signedIn && me && bank && page === 'import' && <ImportPage bank={bank} />}
        {signedIn && me && bank && page === 'blueprint' && <BlueprintPage bank={bank} />}
        {signedIn && me && bank && page === 'board' && <BoardPage bank={bank} />}
        {/* A ninth header tab wrapped the header to 204 px at 1280 px: the centres live under the board. */}
        {signedIn && me && bank && page === 'board' && <CentresPage />}
        {signedIn && me && bank && page === 'calibration' && <CalibrationPage bank={bank} me={me} />}
        {signedIn && me && bank && page === 'item' && (
          <section aria-labelledby="item-editor-title">
            <h2 id="item-editor-title">
              {editing ? t('ie.editTitle', { identifier: '' }).trim() : t('ie.title')}
            </h2>
            <ItemEditorPage key={editorSession} bank={bank} itemId={editing} onSaved={setEditing} />
          </section>
        )}
        {signedIn && me && bank && page === 'editor' && (
          <section aria-labelledby="editor-title">
            <h2 id="editor-title">{t('editor.title')}</h2>
            <DraftEditor bank={bank} />
          </section>
        )}
      </main>
    </>
  );
}
