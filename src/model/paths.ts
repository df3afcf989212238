/** POSIX-style path helpers for the pure core (node:path is not available in the browser). */

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function joinPath(base: string, relative: string): string {
  if (relative.startsWith('/')) return normalise(relative);
  return normalise(base === '.' ? relative : `${base}/${relative}`);
}

export function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !absolute) out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function hasGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}
