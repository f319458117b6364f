/** The signed-in user's bearer token, kept per browser until it expires or the user logs out. */
export interface StoredSession {
  token: string;
  expiresAt: string;
  username: string;
  displayName: string;
  roles: string[];
  departmentId: string;
  departmentName: string;
}

const KEY = 'hub.session';
const listeners = new Set<() => void>();

export function loadSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    if (Date.parse(session.expiresAt) <= Date.now()) {
      localStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
  } catch {
    // Without storage the session lasts as long as the page.
  }
  listeners.forEach((notify) => notify());
}

export function onSessionChange(notify: () => void): () => void {
  listeners.add(notify);
  return () => {
    listeners.delete(notify);
  };
}

export const hasRole = (session: StoredSession | null, ...roles: string[]): boolean =>
  !!session && session.roles.some((role) => roles.includes(role));
