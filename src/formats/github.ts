/**
 * GitHub Actions workflow commands: one `::error|warning|notice` annotation per
 * open finding, shown on the design file's line in the pull request.
 * Findings tracked in `risks:` are not annotated; the last line counts them.
 */
import type { Finding, Severity } from '../rules/types.js';
import { summarise } from './json.js';
import { relativePath } from './paths.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message (the data after `::`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file=…, title=…): also `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = ({ design, review, cwd }) => {
  const lines = review.findings.filter((f) => f.status === 'open').map((f) => annotation(f, design.file, cwd));
  const s = summarise(review.findings);
  lines.push(`archwright: ${s.error} errors, ${s.warning} warnings, ${s.info} info, ${s.tracked} tracked in risks (${design.system.name})`);
  return lines.join('\n') + '\n';
};

function annotation(f: Finding, designFile: string, cwd?: string): string {
  const at = f.location ?? { file: designFile, line: 1, column: 1 };
  const props = [
    `file=${escapeProperty(relativePath(at.file, cwd))}`,
    `line=${at.line}`,
    `col=${at.column}`,
    `title=${escapeProperty(`${f.rule} (${f.subject.kind} ${f.subject.id})`)}`,
  ].join(',');
  const body = f.fix ? `${f.message}\nFix: ${f.fix}` : f.message;
  return `::${COMMAND[f.severity]} ${props}::${escapeData(body)}`;
}
