/** The demo county's logins, printed on start. Demo data only: a real install creates its own users. */
export const DEMO_LOGINS = {
  password: 'demo-2026-pass',
  users: [] as { username: string; description: string }[],
};
