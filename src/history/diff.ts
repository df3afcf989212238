/** `diffDesigns`: what changed between two versions of a design, and whether the change is safe. */
import { analyseContractChange } from '../contracts/index.js';
import type { Design } from '../model/design.js';
import type { ContractAnalyser } from './contract-delta.js';
import { diffContracts } from './contract-delta.js';
import { diffElements } from './elements.js';
import { diffFindings } from './risk-delta.js';
import { findScopeCreep } from './scope-creep.js';
import { snapshotDesign, type DesignSnapshot, type SnapshotOptions } from './snapshot.js';
import type { DesignDiff, RequirementEntry } from './types.js';

export interface DiffOptions extends SnapshotOptions {
  /** Compares two texts of a contract (default: src/contracts). */
  analyseContract?: ContractAnalyser;
}

export function diffDesigns(before: Design, after: Design, options: DiffOptions = {}): DesignDiff {
  // Both reviews judge risk acceptances against the same day.
  const review = { ...options.review, today: options.review?.today ?? new Date() };
  const common = { rules: options.rules, review, capacity: options.capacity };
  return diffSnapshots(snapshotDesign(before, common), snapshotDesign(after, common), { analyseContract: options.analyseContract });
}

export function diffSnapshots(before: DesignSnapshot, after: DesignSnapshot, options: { analyseContract?: ContractAnalyser } = {}): DesignDiff {
  const elements = diffElements(before.sections, after.sections);
  let ids: Set<string> | undefined;
  const stillPresent = (id: string) => {
    if (!ids) {
      ids = new Set<string>(['system', after.system]);
      for (const list of Object.values(after.sections)) for (const e of list) ids.add(e.id);
    }
    return ids.has(id);
  };

  const requirement = (id: string, doc: Record<string, unknown>): RequirementEntry => {
    const r: RequirementEntry = { id, kind: String(doc.kind), text: String(doc.text) };
    if (typeof doc.priority === 'string') r.priority = doc.priority;
    return r;
  };
  // Elements, not docs: a packed side parses only the requirements reported.
  const docs = (snapshot: DesignSnapshot) => new Map(snapshot.sections.requirements.map((r) => [r.id, r]));
  const oldRequirements = docs(before);
  const newRequirements = docs(after);

  const diff: DesignDiff = {
    old: { file: before.file, system: before.system },
    new: { file: after.file, system: after.system },
    elements,
    requirements: {
      added: elements.added.filter((e) => e.section === 'requirements').map((e) => requirement(e.id, newRequirements.get(e.id)!.doc)),
      dropped: elements.removed.filter((e) => e.section === 'requirements').map((e) => requirement(e.id, oldRequirements.get(e.id)!.doc)),
    },
    scopeCreep: findScopeCreep(before.sections, after.sections),
    risk: diffFindings(before.findings, after.findings, stillPresent),
    contracts: diffContracts(before.contracts, after.contracts, after.sections, options.analyseContract ?? analyseContractChange),
    reviewErrors: after.reviewErrors,
  };
  if (before.capacity && after.capacity) diff.capacity = { before: before.capacity, after: after.capacity };
  return diff;
}
