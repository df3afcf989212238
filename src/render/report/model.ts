/** Everything a stakeholder report shows, gathered once for the HTML and Markdown renderers. */
import type { CapacityReport } from '../../capacity/index.js';
import type { ComplianceMatrix } from '../../compliance/matrix.js';
import type { Ropa } from '../../compliance/ropa.js';
import type { Design } from '../../model/design.js';
import type { Review } from '../../rules/engine.js';

export interface ReportDiagrams {
  /** Rendered SVG (HTML report) */
  svg: { title: string; svg: string }[];
  /** Mermaid source (Markdown report) */
  mermaid: { title: string; source: string }[];
}

export interface ReportInput {
  design: Design;
  review: Review;
  capacity?: CapacityReport;
  compliance: ComplianceMatrix[];
  ropa?: Ropa;
  diagrams: ReportDiagrams;
  generatedAt: string;
  toolVersion: string;
}

export function areaOf(rule: string): string {
  return rule.split('/')[0];
}
