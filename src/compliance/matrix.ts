/**
 * The control matrix of one regime: every control (one per compliance rule),
 * every element it applies to, and whether that element passes, fails, has a
 * gap (a field the check needs is not stated) or the control does not apply.
 * Pure: it reads a design, the review of it and the rules' metadata.
 */
import type { Design, ElementRef } from '../model/design.js';
import type { Review } from '../rules/engine.js';
import { isComplianceRule, memo, type ComplianceRule } from '../rules/packs/compliance/control.js';
import { isGap } from '../rules/packs/compliance/report.js';
import { impliedRegimeReasons } from '../rules/regimes.js';
import type { Finding, Regime, Rule } from '../rules/types.js';

export type CellStatus = 'pass' | 'fail' | 'gap' | 'not-applicable';
export const CELL_STATUSES: readonly CellStatus[] = ['pass', 'fail', 'gap', 'not-applicable'];

export interface MatrixFinding {
  id: string;
  severity: Finding['severity'];
  status: Finding['status'];
  message: string;
  location?: string;
  statusNote?: string;
}

export interface MatrixCell {
  element: ElementRef;
  status: CellStatus;
  /** The findings behind a fail or a gap (also those accepted, mitigated or marked false positive). */
  findings: MatrixFinding[];
}

export interface ControlRow {
  control: string;
  title: string;
  rule: string;
  citations: string[];
  status: CellStatus;
  /** Why a row has no cells: the regime does not apply, the rule is off, or nothing in the design is in scope. */
  note?: string;
  cells: MatrixCell[];
}

export interface ComplianceMatrix {
  regime: Regime;
  system: string;
  applies: boolean;
  declared: boolean;
  /** What in the data implies the regime, when it does. */
  impliedBy?: string;
  rows: ControlRow[];
  /** Cells by status, over every row. */
  totals: Record<CellStatus, number>;
}

/** Findings that no longer count against a control: fixed another way, or wrong. */
const SETTLED = new Set<Finding['status']>(['mitigated', 'false-positive']);

export function complianceMatrix(design: Design, review: Review, rules: readonly Rule[], regime: Regime): ComplianceMatrix {
  const controls = rules.filter((r): r is ComplianceRule => isComplianceRule(r) && r.regime === regime);
  const applies = review.regimes.includes(regime);
  const declared = (design.system.compliance as string[]).includes(regime);
  const implied = impliedRegimeReasons(design).find((r) => r.regime === regime);
  const ran = new Set(review.rulesRun);
  const byRule = new Map<string, Finding[]>();
  for (const f of review.findings) {
    let list = byRule.get(f.rule);
    if (!list) byRule.set(f.rule, (list = []));
    list.push(f);
  }
  const shared = memo();
  const rows = controls.map((rule): ControlRow => {
    const row = { control: rule.control.id, title: rule.control.title, rule: rule.id, citations: rule.citations };
    if (!applies) return { ...row, status: 'not-applicable', note: `${regime} does not apply to this design`, cells: [] };
    if (!ran.has(rule.id)) return { ...row, status: 'not-applicable', note: 'not checked: the rule is turned off', cells: [] };
    const cells = cellsOf(rule.control.appliesTo({ design, shared }), byRule.get(rule.id) ?? []);
    if (cells.length === 0) return { ...row, status: 'not-applicable', note: 'nothing in the design is in scope', cells };
    return { ...row, status: worst(cells.map((c) => c.status)), cells };
  });
  const totals = { pass: 0, fail: 0, gap: 0, 'not-applicable': 0 } as Record<CellStatus, number>;
  for (const row of rows) {
    if (row.cells.length === 0) totals['not-applicable']++;
    for (const cell of row.cells) totals[cell.status]++;
  }
  return {
    regime, system: design.system.name, applies, declared,
    impliedBy: implied ? `${implied.data} ${implied.because}` : undefined,
    rows, totals,
  };
}

function cellsOf(elements: ElementRef[], findings: Finding[]): MatrixCell[] {
  const bySubject = new Map<string, Finding[]>();
  for (const f of findings) {
    let list = bySubject.get(f.subject.id);
    if (!list) bySubject.set(f.subject.id, (list = []));
    list.push(f);
  }
  const systemWide = elements.some((e) => e.kind === 'system') ? [] : (bySubject.get('system') ?? []);
  const cells: MatrixCell[] = [];
  const seen = new Set<string>();
  for (const element of elements) {
    seen.add(element.id);
    cells.push(cell(element, bySubject.get(element.id) ?? systemWide));
  }
  // A finding on an element the control did not list still shows, so the matrix never hides one.
  for (const [id, list] of bySubject) {
    if (seen.has(id) || (id === 'system' && systemWide.length > 0)) continue;
    cells.push(cell(list[0].subject, list));
  }
  return cells;
}

function cell(element: ElementRef, findings: Finding[]): MatrixCell {
  const open = findings.filter((f) => !SETTLED.has(f.status));
  const status: CellStatus = open.length === 0 ? 'pass' : open.some((f) => !isGap(f)) ? 'fail' : 'gap';
  return {
    element,
    status,
    findings: findings.map((f) => ({
      id: f.id, severity: f.severity, status: f.status, message: f.message,
      location: f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : undefined,
      statusNote: f.statusNote,
    })),
  };
}

function worst(statuses: CellStatus[]): CellStatus {
  for (const s of ['fail', 'gap', 'pass'] as const) if (statuses.includes(s)) return s;
  return 'not-applicable';
}

/** Regimes with a compliance pack, for the command's choices. */
export function regimesWithControls(rules: readonly Rule[]): Regime[] {
  const out = new Set<Regime>();
  for (const r of rules) if (isComplianceRule(r)) out.add(r.regime);
  return [...out].sort();
}
