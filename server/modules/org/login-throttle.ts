/**
 * Slows down password guessing: after 5 failed logins for one username within 15 minutes, that
 * username is refused for the rest of the window, whether it exists or not (so the refusal reveals
 * nothing). Kept per process: with several hub processes an attacker gets that many more tries,
 * which still caps guessing at a handful per quarter hour.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Minutes until the username may try again, or 0 when it may try now. */
  blockedMinutes(username: string): number {
    const recent = this.recent(username);
    if (recent.length < MAX_FAILURES) return 0;
    return Math.max(1, Math.ceil((recent[0] + WINDOW_MS - this.now()) / 60000));
  }

  recordFailure(username: string): void {
    const recent = this.recent(username);
    recent.push(this.now());
    this.failures.set(username, recent);
    if (this.failures.size > 100_000) this.prune();
  }

  recordSuccess(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string): number[] {
    const since = this.now() - WINDOW_MS;
    return (this.failures.get(username) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const username of [...this.failures.keys()]) if (!this.recent(username).length) this.failures.delete(username);
  }
}
