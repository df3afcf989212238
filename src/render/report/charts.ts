/**
 * Small SVG charts for the report, drawn from the capacity figures: no chart
 * library, because the report must be one self-contained file with no scripts
 * fetched and the charts are three simple shapes (bars, a timeline, a line).
 */
import type { CapacityReport } from '../../capacity/index.js';
import { escapeHtml as x } from './escape.js';

const FONT = 'font-family="system-ui, sans-serif" font-size="11"';

function colourFor(u: number, target: number): string {
  return u >= 1 ? '#c62828' : u > target ? '#e08a00' : '#2e7d32';
}

/** Utilisation of each modelled component in the report's month, busiest first. */
export function utilisationChart(report: CapacityReport, limit = 24): string {
  const rows = report.components.filter((c) => c.utilisation !== undefined).sort((a, b) => b.utilisation! - a.utilisation!).slice(0, limit);
  if (rows.length === 0) return '';
  const labelW = 170;
  const barW = 420;
  const rowH = 20;
  const h = rows.length * rowH + 40;
  const scale = (u: number) => Math.min(u, 1.5) / 1.5 * barW;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 70} ${h}" width="100%" role="img" aria-label="Utilisation per component" ${FONT}>`];
  rows.forEach((c, i) => {
    const y = 20 + i * rowH;
    const u = c.utilisation!;
    parts.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${x(c.id)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${Math.max(1, scale(u)).toFixed(1)}" height="${rowH - 6}" fill="${colourFor(u, report.targetUtilisation)}"><title>${x(c.id)}: ${(u * 100).toFixed(1)}%</title></rect>`);
    parts.push(`<text x="${labelW + scale(u) + 4}" y="${y + 13}">${(u * 100).toFixed(0)}%</text>`);
  });
  for (const [u, label] of [[report.targetUtilisation, `target ${(report.targetUtilisation * 100).toFixed(0)}%`], [1, '100%']] as const) {
    const lx = labelW + scale(u);
    parts.push(`<line x1="${lx}" x2="${lx}" y1="14" y2="${h - 18}" stroke="#5b6472" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${lx}" y="${h - 6}" text-anchor="middle">${label}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** One row per component: fine, above its maximum's target, saturated — month by month. */
export function growthTimeline(report: CapacityReport, limit = 20): string {
  const { growth } = report;
  const horizon = growth.months.length - 1;
  if (horizon < 1 || growth.components.length === 0) return '';
  const rows = [...growth.components]
    .sort((a, b) => (a.saturatesMonth ?? a.outgrowsMonth ?? 1e9) - (b.saturatesMonth ?? b.outgrowsMonth ?? 1e9) || b.utilisationAtMax[horizon] - a.utilisationAtMax[horizon])
    .slice(0, limit);
  const labelW = 170;
  const w = 480;
  const rowH = 20;
  const h = rows.length * rowH + 46;
  const mx = (m: number) => labelW + (m / (horizon + 1)) * w;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + w + 110} ${h}" width="100%" role="img" aria-label="Growth timeline" ${FONT}>`];
  rows.forEach((c, i) => {
    const y = 20 + i * rowH;
    parts.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${x(c.id)}</text>`);
    for (let m = 0; m <= horizon; m++) {
      const u = c.utilisationAtMax[m];
      const fill = u >= 1 ? '#c62828' : u > report.targetUtilisation ? '#e08a00' : '#cfe8d2';
      parts.push(`<rect x="${mx(m).toFixed(1)}" y="${y + 3}" width="${(w / (horizon + 1) - 1).toFixed(1)}" height="${rowH - 6}" fill="${fill}"><title>${x(c.id)}, month ${m}: ${(u * 100).toFixed(0)}% at max instances, ${c.instancesNeeded[m]} needed</title></rect>`);
    }
    const note = c.saturatesMonth !== undefined ? `saturates month ${c.saturatesMonth}` : c.outgrowsMonth !== undefined ? `outgrows max month ${c.outgrowsMonth}` : 'fits';
    parts.push(`<text x="${labelW + w + 6}" y="${y + 13}">${note}</text>`);
  });
  for (let m = 0; m <= horizon; m += Math.max(1, Math.ceil(horizon / 12))) {
    parts.push(`<text x="${mx(m) + 2}" y="${h - 10}">${m}</text>`);
  }
  parts.push(`<text x="${labelW}" y="12">month →  (green: under target; amber: over the target utilisation at max instances; red: saturated)</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Monthly cost of the instances the load needs, against the budget. */
export function costChart(report: CapacityReport): string {
  const { cost, budget, months, overBudgetMonth } = report.growth;
  if (cost.length < 2) return '';
  const w = 560;
  const h = 200;
  const left = 60;
  const top = 16;
  const plotH = h - 50;
  const max = Math.max(...cost, budget?.monthly ?? 0) * 1.1 || 1;
  const px = (m: number) => left + (m / (months.length - 1)) * w;
  const py = (v: number) => top + plotH - (v / max) * plotH;
  const currency = budget?.currency ?? '';
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${left + w + 120} ${h}" width="100%" role="img" aria-label="Monthly cost against budget" ${FONT}>`];
  parts.push(`<polyline fill="none" stroke="#1e6fd9" stroke-width="2" points="${cost.map((c, m) => `${px(m).toFixed(1)},${py(c).toFixed(1)}`).join(' ')}"/>`);
  if (budget) {
    parts.push(`<line x1="${left}" x2="${left + w}" y1="${py(budget.monthly)}" y2="${py(budget.monthly)}" stroke="#c62828" stroke-dasharray="5 4"/>`);
    parts.push(`<text x="${left + w + 4}" y="${py(budget.monthly) + 4}">budget ${Math.round(budget.monthly)} ${x(currency)}</text>`);
  }
  if (overBudgetMonth !== undefined) {
    parts.push(`<circle cx="${px(overBudgetMonth)}" cy="${py(cost[overBudgetMonth])}" r="4" fill="#c62828"><title>over budget from month ${overBudgetMonth}</title></circle>`);
  }
  parts.push(`<text x="${left + w + 4}" y="${py(cost[cost.length - 1]) + 4}">${Math.round(cost[cost.length - 1])} ${x(currency)}</text>`);
  for (const v of [0, max / 2, max]) parts.push(`<text x="${left - 6}" y="${py(v) + 4}" text-anchor="end">${Math.round(v)}</text>`);
  for (let m = 0; m < months.length; m += Math.max(1, Math.ceil(months.length / 12))) parts.push(`<text x="${px(m)}" y="${h - 18}" text-anchor="middle">${m}</text>`);
  parts.push(`<text x="${left}" y="${h - 4}">month</text>`);
  parts.push('</svg>');
  return parts.join('');
}
