// Placeholder: replaced by the page's implementation.
export default function Page(_props: Record<string, unknown>) {
  return <p>…</p>;
}
