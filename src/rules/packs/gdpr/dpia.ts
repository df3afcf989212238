import type { Design } from '../../../model/design.js';
import { parseCount } from '../../../model/units.js';
import { isPersonal, isSpecialCategory } from '../compliance/classify.js';
import { defineComplianceRule } from '../compliance/control.js';
import { reportGap, SYSTEM } from '../compliance/report.js';
import { personalScope, type PersonalScope } from './scope.js';

const DPIA_DECISION = /\bDPIA\b|data protection impact assessment/i;
/** Subjects from which special-category processing counts as large scale, unless the rule's option says otherwise. */
const LARGE_SCALE_SUBJECTS = 10000;

/** The Art. 35(3) cases the design shows, each as a short phrase. */
function triggers(design: Design, scope: PersonalScope, largeScaleSubjects: number): string[] {
  const out: string[] = [];
  const userCount = new Map(design.users.map((u) => [u.id, u.count === undefined ? 0 : (parseCount(u.count) ?? 0)]));
  for (const c of design.components) {
    if (c.automatedDecisions && (scope.map.handled.get(c.id)?.size ?? 0) > 0 && [...scope.map.handled.get(c.id)!].some((id) => isPersonal(scope.map.assets.get(id)!))) {
      out.push(`${c.id} takes automated decisions with legal or similar effects (Art. 35(3)(a))`);
    }
    if (c.systematicMonitoring) out.push(`${c.id} systematically monitors a publicly accessible area (Art. 35(3)(c))`);
  }
  for (const d of design.data) {
    if (!isSpecialCategory(d) && !d.classification.includes('criminal')) continue;
    const subjects = d.subjects.reduce((sum, s) => sum + (userCount.get(s) ?? 0), 0);
    if (d.largeScale ?? subjects >= largeScaleSubjects) {
      out.push(`${d.id} is ${d.classification.includes('criminal') ? 'criminal-offence' : 'special-category'} data processed on a large scale${subjects ? ` (${subjects} subjects)` : ''} (Art. 35(3)(b))`);
    }
  }
  return out;
}

export default defineComplianceRule({
  id: 'gdpr/dpia',
  severity: 'warning',
  regime: 'gdpr',
  summary: 'Processing that Art. 35(3) names as high risk, with no data protection impact assessment on record.',
  rationale:
    'A DPIA "shall in particular be required" for automated decisions with legal or similarly significant effects (Art. 35(3)(a)), processing "on a large scale of special categories of data" or criminal-offence data (35(3)(b)), and "systematic monitoring of a publicly accessible area on a large scale" (35(3)(c)). It has to be done before the processing starts, which is at design time.',
  citations: ['GDPR Art. 35(1)', 'GDPR Art. 35(3)'],
  fix: 'Carry out the DPIA and record it: `system.dpia: <reference>`, or an accepted decision titled "DPIA …".',
  options: {
    largeScaleSubjects: { default: LARGE_SCALE_SUBJECTS, description: 'Subjects (sum of the `count` of the data\'s subject users) from which special-category processing counts as large scale, when a data asset does not say `largeScale`.' },
  },
  control: {
    id: 'Art. 35',
    title: 'DPIA where processing is likely high risk',
    appliesTo: ({ design, shared }) => (triggers(design, personalScope(design, shared), LARGE_SCALE_SUBJECTS).length > 0 ? [SYSTEM] : []),
  },
  check(ctx) {
    const found = triggers(ctx.design, personalScope(ctx.design, ctx.shared), Number(ctx.options.largeScaleSubjects));
    if (found.length === 0) return;
    if (ctx.design.system.dpia) return;
    if (ctx.design.decisions.some((d) => d.status === 'accepted' && DPIA_DECISION.test(d.title))) return;
    reportGap(ctx, {
      subject: SYSTEM,
      field: 'dpia',
      shown: 'system.dpia',
      why: `because the design needs a data protection impact assessment: ${found.join('; ')}`,
      evidence: { triggers: found.length, first: found[0]! },
    });
  },
});
