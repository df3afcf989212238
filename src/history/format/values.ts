/** How values, durations and counts read in diff output. */

/** A value as a person would write it in the design: flow YAML, shortened. */
export function renderValue(value: unknown, max = 80): string {
  const text = value === undefined ? '(none)' : flow(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function flow(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${flow(v)}`);
    return `{ ${parts.join(', ')} }`;
  }
  return String(value);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 1) return `${+(seconds * 1000).toPrecision(3)} ms`;
  return `${+seconds.toPrecision(3)} s`;
}

export function formatMoney(amount: number, currency?: string): string {
  return `${Math.round(amount).toLocaleString('en-US')}${currency ? ` ${currency}` : ''}`;
}

export function formatMonth(month: number | null): string {
  return month === null ? 'not within the horizon' : `month ${month}`;
}

/** Singular element kind for a section name. */
export const KIND: Record<string, string> = {
  system: 'system', users: 'user', requirements: 'requirement', data: 'data', zones: 'zone', components: 'component',
  links: 'link', workloads: 'workload', existing: 'existing', decisions: 'decision', risks: 'risk', checks: 'checks', capacity: 'capacity',
};

/** A field change in words: `a → b`, or for lists of plain values the items added and removed. */
export function describeChange(before: unknown, after: unknown, paint: { old: (s: string) => string; new: (s: string) => string } = { old: (s) => s, new: (s) => s }): string {
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every((v) => v === null || typeof v !== 'object')) {
    const added = after.filter((v) => !before.includes(v));
    const removed = before.filter((v) => !after.includes(v));
    if (added.length + removed.length === 0) return `reordered: ${renderValue(after)}`;
    const parts: string[] = [];
    if (added.length) parts.push(paint.new(`+ ${added.map((v) => renderValue(v)).join(', ')}`));
    if (removed.length) parts.push(paint.old(`- ${removed.map((v) => renderValue(v)).join(', ')}`));
    return parts.join('  ');
  }
  return `${paint.old(renderValue(before))} → ${paint.new(renderValue(after))}`;
}

/** How an element is named in a list: `component gateway`, or just `system` for the one-of sections. */
export function elementName(section: string, id: string): string {
  return id === section ? id : `${KIND[section]} ${id}`;
}
