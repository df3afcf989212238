/**
 * Paths as CI tools want them: relative to the working folder, with forward
 * slashes. Pure string work (no node:path), so formats also run in the browser.
 */

/** `file` relative to `cwd` when it lies inside it; always with forward slashes. */
export function relativePath(file: string, cwd?: string): string {
  let path = file.split('\\').join('/');
  if (cwd) {
    const base = `${cwd.split('\\').join('/').replace(/\/+$/, '')}/`;
    if (path.startsWith(base)) path = path.slice(base.length);
  }
  while (path.startsWith('./')) path = path.slice(2);
  return path;
}

/** A URI reference for a design file: relative (percent-encoded) inside cwd, file:// outside it. */
export function fileUri(file: string, cwd?: string): string {
  const path = relativePath(file, cwd);
  const drive = /^[A-Za-z]:\//.test(path);
  const encoded = path
    .split('/')
    .map((segment, i) => (drive && i === 0 ? segment : encodeURIComponent(segment)))
    .join('/');
  if (path.startsWith('/')) return `file://${encoded}`;
  if (drive) return `file:///${encoded}`;
  return encoded;
}
