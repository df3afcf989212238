/** The CLI's pure core, run in the browser over the files the server sent. */
import { loadDesign, type DesignHost } from '../../src/model/load.js';
import type { Design } from '../../src/model/design.js';
import type { DesignError } from '../../src/model/errors.js';
import { allRules } from '../../src/rules/index.js';
import { review, type Review } from '../../src/rules/engine.js';
import { analyseCapacity, applyWhatIf, type CapacityReport, type WhatIfChange } from '../../src/capacity/index.js';
import type { Finding } from '../../src/rules/types.js';

export interface Snapshot {
  entry: string;
  files: Record<string, string>;
  globs: Record<string, string[]>;
}

export interface Analysis {
  design: Design;
  review: Review;
  capacity?: CapacityReport;
}

export function memoryHost(snapshot: Snapshot): DesignHost {
  return {
    readFile: (path) => snapshot.files[path],
    glob: (patterns, cwd) => patterns.flatMap((p) => snapshot.globs[`${cwd}\u0000${p}`] ?? []),
  };
}

export function load(snapshot: Snapshot): { design?: Design; errors: DesignError[] } {
  const result = loadDesign(snapshot.entry, memoryHost(snapshot));
  return { design: result.design, errors: result.errors };
}

/** The review and the capacity model: run after the first picture is on screen. */
export function analyse(design: Design): Analysis {
  return { design, review: review(design, allRules), capacity: design.workloads.length ? analyseCapacity(design) : undefined };
}

const capacityRules = allRules.filter((r) => r.id.startsWith('capacity/'));

export interface WhatIf {
  /** Growth per month as a fraction, for every workload; undefined keeps the design's. */
  growth?: number;
  instances: Record<string, number>;
}

/** Capacity and the numeric findings again, with the sliders' changes applied to a copy of the design. */
export function recompute(base: Analysis, whatIf: WhatIf): { capacity?: CapacityReport; findings: Finding[]; errors: string[] } {
  const changes: WhatIfChange[] = [];
  if (whatIf.growth !== undefined) changes.push({ key: 'growth', value: whatIf.growth, text: `growth=${(whatIf.growth * 100).toFixed(1)}%` });
  for (const [id, n] of Object.entries(whatIf.instances)) changes.push({ key: 'instances', target: id, value: n, text: `instances.${id}=${n}` });
  const { design, errors } = applyWhatIf(base.design, changes);
  const numeric = review(design, capacityRules).findings;
  const others = base.review.findings.filter((f) => !f.rule.startsWith('capacity/'));
  return { capacity: design.workloads.length ? analyseCapacity(design) : undefined, findings: [...others, ...numeric], errors };
}
