import { ReactNode, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { useLang } from '../i18n';
import { createHubClient } from './client';
import { loadSession, onSessionChange, StoredSession } from './session';
import { createContext, useContext } from 'react';

const SessionContext = createContext<StoredSession | null>(null);
/** The signed-in user, or null for witnesses by invite and the public. */
export const useSession = (): StoredSession | null => useContext(SessionContext);

/** Provides the urql client for the current session and language. */
export function HubProvider({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const [session, setSession] = useState(loadSession);
  useEffect(() => onSessionChange(() => setSession(loadSession())), []);
  const hub = useMemo(() => createHubClient(lang), [lang, session?.token]);
  useEffect(() => () => hub.dispose(), [hub]);
  return (
    <SessionContext.Provider value={session}>
      <Provider value={hub.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
