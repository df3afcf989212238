/**
 * JUnit XML for CI test reports: one test suite per rule that ran, one test
 * case per element the rule found something on (a failure), or a single
 * passing case when the rule found nothing. Tracked findings are skipped cases.
 */
import type { Finding } from '../rules/types.js';
import { relativePath } from './paths.js';
import type { Formatter } from './types.js';

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const formatJunit: Formatter = ({ design, review, cwd }) => {
  const byRule = new Map<string, Finding[]>(review.rulesRun.map((id) => [id, []]));
  for (const f of review.findings) {
    let list = byRule.get(f.rule);
    if (!list) byRule.set(f.rule, (list = []));
    list.push(f);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const [rule, findings] of byRule) {
    const cases = findings.length === 0
      ? [`    <testcase classname="${escapeXml(rule)}" name="${escapeXml(`${rule}: no findings`)}"/>`]
      : findings.map((f) => testcase(f, cwd));
    const suiteFailures = findings.filter((f) => f.status === 'open').length;
    const suiteSkipped = findings.length - suiteFailures;
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite name="${escapeXml(rule)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const name = escapeXml(`archwright: ${design.system.name}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function testcase(f: Finding, cwd?: string): string {
  const where = f.location ? `${relativePath(f.location.file, cwd)}:${f.location.line}:${f.location.column}` : undefined;
  const open = `    <testcase classname="${escapeXml(f.rule)}" name="${escapeXml(`${f.subject.kind} ${f.id.slice(f.rule.length + 1)}`)}"${where ? ` file="${escapeXml(relativePath(f.location!.file, cwd))}" line="${f.location!.line}"` : ''}>`;
  if (f.status !== 'open') {
    return `${open}\n      <skipped message="${escapeXml(f.statusNote ?? f.status)}"/>\n    </testcase>`;
  }
  const details = [
    f.message,
    where ? `at ${where}` : undefined,
    f.evidence && Object.keys(f.evidence).length ? `evidence: ${Object.entries(f.evidence).map(([k, v]) => `${k}=${v}`).join(', ')}` : undefined,
    f.fix ? `fix: ${f.fix}` : undefined,
    f.statusNote,
  ].filter(Boolean).join('\n');
  return `${open}\n      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeXml(details)}</failure>\n    </testcase>`;
}
