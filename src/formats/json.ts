import type { Formatter } from './types.js';

export const formatJson: Formatter = ({ design, review }) =>
  JSON.stringify({
    design: design.file,
    system: design.system.name,
    regimes: review.regimes,
    rulesRun: review.rulesRun.length,
    summary: summarise(review.findings),
    findings: review.findings,
  }, null, 2) + '\n';

export function summarise(findings: readonly { severity: string; status: string }[]) {
  const open = findings.filter((f) => f.status === 'open');
  return {
    error: open.filter((f) => f.severity === 'error').length,
    warning: open.filter((f) => f.severity === 'warning').length,
    info: open.filter((f) => f.severity === 'info').length,
    tracked: findings.length - open.length,
  };
}
