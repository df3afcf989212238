/** How the compliance packs word a gap: a field the check needs that the design does not state. */
import type { ElementRef } from '../../../model/design.js';
import type { ReportInput, RuleContext, Severity } from '../../types.js';

export const SYSTEM: ElementRef = { kind: 'system', id: 'system' };

export interface GapInput {
  subject: ElementRef;
  /** The field to add, as a dotted path relative to the subject: `retention`, `backup.rto`. */
  field: string;
  /** How the message names the field, when not as `field` (e.g. `system.dpia`). */
  shown?: string;
  /** Why the field matters, as the end of the sentence: "so personal data is kept no longer than necessary". */
  why: string;
  evidence?: Record<string, string | number>;
  fix?: string;
  /** Defaults to warning: a gap is something unknown, not a known violation; rules pass error where the unknown is itself unacceptable. */
  severity?: Severity;
  /** A prefix for the finding's detail when one rule reports several gaps of one field on one element. */
  detail?: string;
}

/** Reports "not stated: add `field`" once per element and field; the matrix reads `evidence.missing` as a gap. */
export function reportGap(ctx: RuleContext, gap: GapInput): void {
  const report: ReportInput = {
    subject: gap.subject,
    field: gap.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    message: gap.subject.kind === 'system'
      ? `Not stated: add \`${gap.shown ?? gap.field}\` ${gap.why}.`
      : `${gap.subject.id}: not stated: add \`${gap.shown ?? gap.field}\` ${gap.why}.`,
    evidence: { ...gap.evidence, missing: gap.field },
    detail: `${gap.detail ? `${gap.detail}-` : ''}missing-${gap.field}`,
    fix: gap.fix,
    severity: gap.severity ?? 'warning',
  };
  ctx.report(report);
}

export function isGap(finding: { evidence?: Record<string, string | number> }): boolean {
  return finding.evidence?.missing !== undefined;
}

/** "a, b and c" (or "a, b or c") for messages. */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
