/** Text from a design is always written as text, never as markup. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A Markdown table cell: pipes escaped, newlines folded, HTML neutralised. */
export function mdCell(s: unknown): string {
  return escapeHtml(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
