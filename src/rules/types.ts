import type { Design, ElementKind, ElementRef, SourceRef } from '../model/design.js';
import type { SourceLocation } from '../model/errors.js';
import type { SeverityName } from '../model/schema.js';

export type Severity = SeverityName;
export type Regime = 'gdpr' | 'hipaa' | 'pci' | 'soc2' | 'ccpa';
export type FindingStatus = 'open' | 'accepted' | 'mitigated' | 'false-positive';

export interface RuleOption {
  default: number | string | boolean | string[];
  description: string;
}

/** What a rule says about itself: the source of `rules`, `explain` and docs/rules/*.md. */
export interface RuleMeta {
  /** `pack/name`, e.g. `simplicity/sync-cycle`. */
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** Why a reviewer cares. */
  rationale: string;
  /** Where the practice comes from: guide sections, laws, standards. */
  citations: string[];
  /** How to make the finding go away properly. */
  fix: string;
  /** The rule runs only when this regime applies to the design. */
  regime?: Regime;
  options?: Record<string, RuleOption>;
}

export interface ReportInput {
  subject: ElementRef;
  /** Where the subject was written; the location is this plus `field`. */
  source?: SourceRef;
  field?: (string | number)[];
  message: string;
  evidence?: Record<string, string | number>;
  fix?: string;
  /** Tells apart several findings of one rule on one element (stable: never a line number). */
  detail?: string;
  severity?: Severity;
}

export interface RuleContext {
  design: Design;
  options: Record<string, RuleOption['default']>;
  /** Regimes that apply: declared in system.compliance or implied by the data. */
  regimes: ReadonlySet<Regime>;
  report(input: ReportInput): void;
  /** A value computed once per review and shared by every rule that asks for it. */
  shared<T>(key: string, compute: () => T): T;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export interface Finding {
  /** Stable identity for risk tracking: `rule@element` or `rule@element#detail`. */
  id: string;
  rule: string;
  severity: Severity;
  message: string;
  subject: ElementRef;
  location?: SourceLocation;
  evidence?: Record<string, string | number>;
  fix?: string;
  citations?: string[];
  status: FindingStatus;
  /** Why the status is what it is (who accepted it, until when, or that it expired). */
  statusNote?: string;
}

export function defineRule(rule: Rule): Rule {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`rule id ${rule.id} must be pack/name in kebab-case`);
  return rule;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
export type { ElementKind };
