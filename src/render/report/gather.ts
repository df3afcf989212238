/** Runs the analyses a report shows: review, capacity, diagrams, compliance matrices, record of processing. */
import { analyseCapacity, type CapacityReport } from '../../capacity/index.js';
import { complianceMatrix } from '../../compliance/matrix.js';
import { generateRopa } from '../../compliance/ropa.js';
import type { Design } from '../../model/design.js';
import { allRules } from '../../rules/index.js';
import { review as runReview, type ReviewOptions } from '../../rules/engine.js';
import type { Regime } from '../../rules/types.js';
import { VERSION } from '../../version.js';
import { toMermaid } from '../mermaid.js';
import { toSvg } from '../svg.js';
import { buildView, type ViewName } from '../view.js';
import type { ReportInput } from './model.js';

const VIEWS: [ViewName, string][] = [['context', 'System context'], ['containers', 'Containers'], ['dataflow', 'Data flow and trust boundaries']];
const MATRIX_REGIMES: Regime[] = ['gdpr', 'hipaa', 'pci'];

export async function gatherReport(design: Design, options: ReviewOptions & { now?: Date; svg?: boolean } = {}): Promise<ReportInput> {
  const review = runReview(design, allRules, options);
  let capacity: CapacityReport | undefined;
  if (design.workloads.length > 0) capacity = analyseCapacity(design);
  const views = VIEWS.map(([name, title]) => ({ title, view: buildView(design, { view: name, findings: review.findings }) }));
  const svg = options.svg === false ? [] : await Promise.all(views.map(async ({ title, view }) => ({ title, svg: await toSvg(view) })));
  const compliance = MATRIX_REGIMES.filter((r) => review.regimes.includes(r)).map((r) => complianceMatrix(design, review, allRules, r));
  return {
    design,
    review,
    capacity,
    compliance,
    ropa: review.regimes.includes('gdpr') ? generateRopa(design) : undefined,
    diagrams: { svg, mermaid: views.map(({ title, view }) => ({ title, source: toMermaid(view) })) },
    generatedAt: (options.now ?? new Date()).toISOString().slice(0, 10),
    toolVersion: VERSION,
  };
}
