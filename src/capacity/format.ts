/** The capacity report as terminal tables, Markdown or JSON. Pure: colour comes in as functions. */
import { formatDuration } from '../model/units.js';
import type { CapacityReport } from './analyse.js';

export interface Paint {
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

const PLAIN: Paint = { bold: (t) => t, red: (t) => t, yellow: (t) => t, dim: (t) => t };

type Row = string[];
interface Table {
  title: string;
  head: Row;
  rows: Row[];
  /** Columns aligned right (numbers). */
  right: Set<number>;
}

const time = (s: number | undefined) => (s === undefined ? '–' : !Number.isFinite(s) ? '∞' : s < 1e-6 ? '0' : formatDuration(s));
const pct = (u: number | undefined) => (u === undefined ? '–' : Number.isFinite(u) ? `${(u * 100).toFixed(u < 0.1 ? 1 : 0)}%` : '∞');
const num = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 100) / 100));
const month = (m: number | undefined) => (m === undefined ? '–' : String(m));

function tables(report: CapacityReport, paint: Paint): Table[] {
  const target = report.targetUtilisation;
  const components: Table = {
    title: `Components at ${report.month === 0 ? "today's peak" : `month ${report.month}`} (target utilisation ${pct(target)})`,
    head: ['component', 'instances', 'servers', 'req/s', 'util', 'wait', 'per visit', 'drops', 'outgrows max', 'saturates'],
    right: new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    rows: report.components.filter((c) => c.modelled).map((c) => {
      const u = c.utilisation ?? 0;
      const util = u >= 1 ? paint.red(pct(u)) : u > target ? paint.yellow(pct(u)) : pct(u);
      return [
        c.id, `${c.instances}/${c.instancesMax}`, String(c.servers ?? '–'), num(c.arrivalRate), util, time(c.queueingDelay), time(c.residence),
        c.dropProbability ? pct(c.dropProbability) : '–', month(c.outgrowsMonth),
        c.saturatesMonth === undefined ? '–' : paint.red(month(c.saturatesMonth)),
      ];
    }),
  };
  const targetsByWorkload = new Map<string, string[]>();
  for (const t of report.targets) {
    const text = `${t.metric} ≤ ${time(t.target)} (${t.requirement})`;
    const shown = !t.met ? paint.red(`${text} missed`) : t.firstMissedMonth !== undefined ? paint.yellow(`${text} missed from month ${t.firstMissedMonth}`) : text;
    targetsByWorkload.set(t.workload, [...(targetsByWorkload.get(t.workload) ?? []), shown]);
  }
  const workloads: Table = {
    title: 'Workloads',
    head: ['workload', 'kind', 'req/s', 'mean', 'p50', 'p95', 'p99', 'drops', 'bottleneck', 'target'],
    right: new Set([2, 3, 4, 5, 6, 7]),
    rows: report.workloads.map((w) => [
      w.id, w.kind === 'closed' ? `closed (${w.users} users)` : 'open', num(w.rate), time(w.latency.mean), time(w.latency.p50),
      time(w.latency.p95), time(w.latency.p99), w.dropProbability ? pct(w.dropProbability) : '–',
      w.bottleneck ? `${w.bottleneck.component} ${pct(w.bottleneck.utilisation)}` : '–',
      (targetsByWorkload.get(w.id) ?? []).join('; ') || '–',
    ]),
  };
  const g = report.growth;
  const budget = g.budget;
  // one column per workload while that stays readable, else the totals
  const loads = g.load.length <= 4
    ? g.load.map((l) => ({ head: l.kind === 'open' ? `${l.id} req/s` : `${l.id} users`, at: (m: number) => l.values[m] }))
    : (['open', 'closed'] as const).filter((kind) => g.load.some((l) => l.kind === kind)).map((kind) => ({
      head: kind === 'open' ? 'open req/s' : 'closed users',
      at: (m: number) => g.load.reduce((sum, l) => (l.kind === kind ? sum + l.values[m] : sum), 0),
    }));
  const growth: Table = {
    title: `Growth by month${budget ? ` (budget ${num(budget.monthly)} ${budget.currency}/month)` : ''}`,
    head: ['month', ...loads.map((l) => l.head), 'instances needed', 'cost', 'capped cost', 'saturated'],
    right: new Set(Array.from({ length: loads.length + 4 }, (_, i) => i)),
    rows: g.months.map((m) => {
      const needed = g.components.reduce((sum, c) => sum + c.instancesNeeded[m], 0);
      const saturated = g.components.filter((c) => c.saturatesMonth !== undefined && c.saturatesMonth <= m).map((c) => c.id);
      const cost = num(g.cost[m]);
      return [
        String(m), ...loads.map((l) => num(l.at(m))), String(needed),
        budget && g.cost[m] > budget.monthly ? paint.red(cost) : cost, num(g.cappedCost[m]),
        saturated.length === 0 ? '–' : paint.red(saturated.length > 3 ? `${saturated.slice(0, 3).join(', ')} +${saturated.length - 3}` : saturated.join(', ')),
      ];
    }),
  };
  return [components, workloads, growth];
}

/** Width of what a terminal shows (colour codes excluded). */
function visible(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function renderText(t: Table, paint: Paint): string {
  const widths = t.head.map((h, i) => Math.max(visible(h), ...t.rows.map((r) => visible(r[i]))));
  const line = (cells: Row) => cells.map((cell, i) => {
    const pad = ' '.repeat(widths[i] - visible(cell));
    return t.right.has(i) && i > 0 ? pad + cell : cell + pad;
  }).join('  ').trimEnd();
  return [paint.bold(t.title), paint.dim(line(t.head)), ...t.rows.map(line)].join('\n');
}

/** One line per problem the growth plan shows: saturation, latency targets, budget. */
function summary(report: CapacityReport): string[] {
  const lines: string[] = [];
  const maxOf = new Map(report.components.map((c) => [c.id, c.instancesMax]));
  for (const g of report.growth.components) {
    if (g.saturatesMonth === undefined) continue;
    const m = g.saturatesMonth;
    lines.push(`${g.id} saturates in month ${m}: ${pct(g.utilisationAtMax[m])} of its ${maxOf.get(g.id)} instances; it needs ${g.instancesNeeded[m]}.`);
  }
  for (const t of report.targets) {
    if (t.firstMissedMonth === undefined) continue;
    lines.push(`${t.requirement}: ${t.workload} ${t.metric} ${time(t.predictedAtMiss ?? t.predicted)} against ${time(t.target)} from month ${t.firstMissedMonth}.`);
  }
  const g = report.growth;
  if (g.budget && g.overBudgetMonth !== undefined) {
    lines.push(`Cost ${num(g.cost[g.overBudgetMonth])} ${g.budget.currency} in month ${g.overBudgetMonth}, over the ${num(g.budget.monthly)} budget.`);
  }
  return lines;
}

export function formatCapacityText(report: CapacityReport, paint: Paint = PLAIN): string {
  const parts = tables(report, paint).map((t) => renderText(t, paint));
  const problems = summary(report);
  if (problems.length > 0) parts.push([paint.bold('Within the horizon'), ...problems.map((p) => `${paint.yellow('!')} ${p}`)].join('\n'));
  const unmodelled = report.components.filter((c) => !c.modelled).map((c) => c.id);
  if (unmodelled.length > 0) parts.push(paint.dim(`Not modelled (no serviceTime or capacity): ${unmodelled.slice(0, 12).join(', ')}${unmodelled.length > 12 ? `, … (${unmodelled.length})` : ''}`));
  parts.push(paint.dim(report.notes.map((n) => `· ${n}`).join('\n')));
  return `${parts.join('\n\n')}\n`;
}

export function formatCapacityMarkdown(report: CapacityReport): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  const parts = tables(report, PLAIN).map((t) => [
    `### ${t.title}`,
    '',
    `| ${t.head.map(escape).join(' | ')} |`,
    `| ${t.head.map((_, i) => (t.right.has(i) && i > 0 ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n'));
  const problems = summary(report);
  if (problems.length > 0) parts.push(['### Within the horizon', '', ...problems.map((p) => `- ${p}`)].join('\n'));
  return `## Capacity\n\n${parts.join('\n\n')}\n\n${report.notes.map((n) => `- ${n}`).join('\n')}\n`;
}

/** JSON with unbounded values (saturated queues) as null. */
export function formatCapacityJson(report: CapacityReport): string {
  return `${JSON.stringify(report, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
