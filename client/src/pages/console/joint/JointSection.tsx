// Placeholder: replaced by the section's implementation.
export default function Section() {
  return <p>…</p>;
}
