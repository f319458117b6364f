import { DEMO_USERS } from './demo-data';

/** The demo county's logins, printed on start. Demo data only: a real install creates its own users. */
export const DEMO_LOGINS = {
  password: 'demo-2026-pass',
  users: DEMO_USERS.map(({ username, description }) => ({ username, description })) as { username: string; description: string }[],
};
