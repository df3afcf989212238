/** The record of processing activities as Markdown and CSV. Pure. */
import type { Ropa, RopaActivity } from './ropa.js';

const COLUMNS: [string, (a: RopaActivity, r: Ropa) => string][] = [
  ['Purpose (b)', (a) => a.purpose],
  ['Lawful basis', (a) => a.lawfulBasis.join('; ')],
  ['Controller (a)', (_, r) => [r.controller.name, r.controller.contact].filter(Boolean).join(', ')],
  ['DPO (a)', (_, r) => r.controller.dpo ?? ''],
  ['Representative (a)', (_, r) => r.controller.representative ?? ''],
  ['Data subjects (c)', (a) => a.subjects.join('; ')],
  ['Personal data (c)', (a) => a.data.join('; ')],
  ['Recipients (d)', (a) => a.recipients.join('; ')],
  ['Third-country transfers (e)', (a) => a.transfers.map((t) => `${t.recipient} → ${t.country}: ${t.safeguard}`).join('; ')],
  ['Erasure time limits (f)', (a) => a.retention.join('; ')],
  ['Security measures (g)', (a) => a.security.join('; ')],
];

/** RFC 4180: one header row, fields quoted when they hold a comma, quote or line break. */
export function ropaCsv(ropa: Ropa): string {
  const rows = [COLUMNS.map(([name]) => name), ...ropa.activities.map((a) => COLUMNS.map(([, value]) => value(a, ropa)))];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function ropaMarkdown(ropa: Ropa): string {
  const c = ropa.controller;
  const out: string[] = [`# Record of processing activities: ${ropa.system}`, '', 'GDPR Art. 30(1), generated from the design by archwright.', ''];
  out.push('## Controller (Art. 30(1)(a))', '');
  out.push(`- Controller: ${c.name ?? '**not stated**'}${c.contact ? ` (${c.contact})` : ''}`);
  out.push(`- Data protection officer: ${c.dpo ?? '**not stated**'}`);
  if (c.representative) out.push(`- Representative: ${c.representative}`);
  ropa.activities.forEach((a, i) => {
    out.push('', `## Activity ${i + 1}: ${a.purpose}`, '');
    out.push(`- **Purpose (b):** ${a.purpose}`);
    out.push(`- **Lawful basis:** ${a.lawfulBasis.join('; ')}`);
    out.push(`- **Data subjects (c):** ${a.subjects.join(', ') || '**not stated**'}`);
    out.push(`- **Personal data (c):** ${a.data.join('; ')}`);
    out.push(`- **Recipients (d):** ${a.recipients.join('; ') || 'none outside the system'}`);
    out.push(`- **Transfers to third countries (e):** ${a.transfers.map((t) => `${t.recipient} (${t.country}): ${t.safeguard}`).join('; ') || 'none'}`);
    out.push(`- **Time limits for erasure (f):** ${a.retention.join('; ')}`);
    out.push(`- **Security measures (g):** ${a.security.join('; ') || 'none stated'}`);
  });
  out.push('', '## Gaps', '');
  if (ropa.gaps.length === 0) out.push('None: every entry of Art. 30(1) could be filled from the design.');
  else for (const g of ropa.gaps) out.push(`- ${g}`);
  out.push('', `Third countries are judged against the adequacy list as of ${ropa.adequacyListAsOf}.`);
  return `${out.join('\n')}\n`;
}
