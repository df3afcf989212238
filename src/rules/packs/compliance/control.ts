/**
 * A compliance rule is a rule plus the control it checks and the elements
 * that control applies to. The control matrix uses `appliesTo` so that "pass"
 * means "evaluated and nothing found", never merely "no finding".
 */
import type { Design, ElementRef } from '../../../model/design.js';
import type { Regime, Rule } from '../../types.js';
import { defineRule } from '../../types.js';
import type { Shared } from './data-map.js';

export interface ControlScope {
  design: Design;
  shared: Shared;
}

export interface Control {
  /** The provision, as a reviewer names it: "Art. 5(1)(e)", "164.312(b)", "Req. 3.5.1". */
  id: string;
  title: string;
  /** Every element the control is evaluated on, in design order; empty when it does not apply. */
  appliesTo(scope: ControlScope): ElementRef[];
}

export interface ComplianceRule extends Rule {
  regime: Regime;
  control: Control;
}

export function defineComplianceRule(rule: ComplianceRule): ComplianceRule {
  defineRule(rule);
  return rule;
}

export function isComplianceRule(rule: Rule): rule is ComplianceRule {
  return rule.regime !== undefined && typeof (rule as Partial<ComplianceRule>).control?.appliesTo === 'function';
}

/** A shared cache for code that runs outside a review (the matrix). */
export function memo(): Shared {
  const values = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as T;
  };
}
