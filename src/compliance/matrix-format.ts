/** The control matrix as Markdown (for people) and JSON (for tools). Pure. */
import type { CellStatus, ComplianceMatrix, MatrixCell } from './matrix.js';

const REGIME_NAMES: Record<string, string> = { gdpr: 'GDPR', hipaa: 'HIPAA', pci: 'PCI DSS v4.0.1', soc2: 'SOC 2', ccpa: 'CCPA' };
const LABEL: Record<CellStatus, string> = { pass: 'pass', fail: 'FAIL', gap: 'gap', 'not-applicable': 'n/a' };

export function regimeName(regime: string): string {
  return REGIME_NAMES[regime] ?? regime;
}

/** One matrix as an object, several (or none) as an array. */
export function matrixJson(matrices: ComplianceMatrix | ComplianceMatrix[]): string {
  return `${JSON.stringify(matrices, null, 2)}\n`;
}

export function matrixMarkdown(matrix: ComplianceMatrix): string {
  const name = regimeName(matrix.regime);
  const out: string[] = [`# ${name} control matrix: ${matrix.system}`, ''];
  out.push(applicability(matrix), '');
  const t = matrix.totals;
  out.push(`${plural(matrix.rows.length, 'control')}; elements: ${t.pass} pass, ${t.fail} fail, ${t.gap} gap; ${plural(t['not-applicable'], 'control')} not applicable.`, '');
  out.push('| Control | Requirement | Status | Pass | Fail | Gap |', '| --- | --- | --- | ---: | ---: | ---: |');
  for (const row of matrix.rows) {
    const count = (s: CellStatus) => row.cells.filter((c) => c.status === s).length;
    out.push(`| ${cellText(row.control)} | ${cellText(row.title)} | ${LABEL[row.status]} | ${count('pass')} | ${count('fail')} | ${count('gap')} |`);
  }
  for (const row of matrix.rows) {
    out.push('', `## ${row.control}: ${row.title} (${LABEL[row.status]})`, '');
    out.push(`Rule \`${row.rule}\`. ${row.citations.join('; ')}.`, '');
    if (row.cells.length === 0) {
      out.push(`Not applicable: ${row.note ?? 'nothing in scope'}.`);
      continue;
    }
    out.push('| Element | Status | Finding |', '| --- | --- | --- |');
    for (const cell of row.cells) out.push(`| ${elementText(cell)} | ${LABEL[cell.status]} | ${cellText(findingText(cell))} |`);
  }
  return `${out.join('\n')}\n`;
}

function applicability(m: ComplianceMatrix): string {
  const name = regimeName(m.regime);
  if (!m.applies) return `${name} does not apply: it is not declared in \`system.compliance\` and no data implies it.`;
  if (m.declared) return `${name} applies: declared in \`system.compliance\`${m.impliedBy ? ` (and implied: ${m.impliedBy})` : ''}.`;
  return `${name} applies but is **not declared** in \`system.compliance\`: ${m.impliedBy}.`;
}

function elementText(cell: MatrixCell): string {
  return cell.element.kind === 'system' ? 'the system' : `${cell.element.kind} \`${cellText(cell.element.id)}\``;
}

function findingText(cell: MatrixCell): string {
  if (cell.findings.length === 0) return '';
  return cell.findings
    .map((f) => `${f.message} (\`${f.id}\`${f.location ? `, ${f.location}` : ''}${f.status === 'open' ? '' : `; ${f.status}${f.statusNote ? `: ${f.statusNote}` : ''}`})`)
    .join('<br>');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Text safe inside a Markdown table cell. */
function cellText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
