/** `/dashboard` for the jurisdiction itself (the first region of the path), `/dashboard?region=…` for a region inside it. */
export function regionLink(overview: { path: readonly { code: string }[] }, code: string): string {
  return code === overview.path[0]?.code ? '/dashboard' : `/dashboard?region=${encodeURIComponent(code)}`;
}
