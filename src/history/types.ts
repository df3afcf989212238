/** What `diffDesigns` reports: the change between two versions of a design, as plain data. */
import type { DesignError } from '../model/errors.js';
import type { Finding } from '../rules/types.js';

/** The sections compared, each keyed by element id (risks by their `finding`). */
export type DiffSection =
  | 'system' | 'users' | 'requirements' | 'data' | 'zones' | 'components' | 'links'
  | 'workloads' | 'existing' | 'decisions' | 'risks' | 'checks' | 'capacity';

/** One field that differs; `before`/`after` are absent when the field was added or removed. */
export interface FieldChange {
  /** Path inside the element, e.g. `exposes[0].auth`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface ElementEntry {
  section: DiffSection;
  id: string;
  /** `name`, `title` or `text` of the element, when it has one. */
  label?: string;
}

export interface ElementChange extends ElementEntry {
  fields: FieldChange[];
}

export interface RequirementEntry {
  id: string;
  kind: string;
  text: string;
  priority?: string;
}

export type ScopeCreepKind = 'component' | 'link' | 'scope';

export interface ScopeCreep {
  kind: ScopeCreepKind;
  /** Component id, link id, or the scope function's name. */
  id: string;
  /** One sentence a reviewer would say. */
  message: string;
  evidence?: Record<string, string | number>;
}

/** How an open finding stopped being open. */
export type Resolution = 'fixed' | 'element-removed' | 'accepted' | 'mitigated' | 'false-positive';

export interface ResolvedFinding {
  finding: Finding;
  how: Resolution;
}

export interface RiskDelta {
  /** Open in the new design, not open in the old one. */
  new: Finding[];
  /** Open in the old design, not open in the new one. */
  resolved: ResolvedFinding[];
  /** Open in both. */
  stillOpen: Finding[];
}

/** The few capacity figures a reviewer compares between versions. */
export interface CapacityFigures {
  /** First month (from now) in which some component saturates; null when none does within the horizon. */
  saturationMonth: number | null;
  /** Predicted p99 latency of each workload, in seconds, at today's peak. */
  p99Seconds: Record<string, number>;
  /** Running cost a month at month 0, in `currency`. */
  monthlyCost: number;
  currency?: string;
}

export interface CapacityDelta {
  before: CapacityFigures;
  after: CapacityFigures;
}

/** One change between two versions of a contract, with the consumers it breaks. */
export interface ContractBreak {
  /** Stable id of the kind of change, e.g. `openapi/operation-removed`. */
  id: string;
  severity: 'breaking' | 'warning' | 'info';
  message: string;
  /** Where in the contract, as file:line:column (the new one, or the old one for what was removed). */
  location?: string;
  /** Links (by id) that use what changed: the consumers that break. */
  consumers: string[];
}

/** A contract file referenced by the designs that was added, removed or changed. */
export interface ContractFileChange {
  /** The contract file, as the designs reference it (resolved against the design file). */
  file: string;
  /** Elements whose interfaces point at it, e.g. `component user-service`. */
  referencedBy: string[];
  status: 'added' | 'removed' | 'changed';
  /** Present once the change was analysed by src/contracts. */
  changes?: ContractBreak[];
  /** Why the change could not be analysed (unreadable file, unknown format). */
  note?: string;
}

export interface DesignDiff {
  old: { file: string; system: string };
  new: { file: string; system: string };
  elements: { added: ElementEntry[]; removed: ElementEntry[]; changed: ElementChange[] };
  requirements: { added: RequirementEntry[]; dropped: RequirementEntry[] };
  scopeCreep: ScopeCreep[];
  risk: RiskDelta;
  /** Absent when no capacity analysis was given. */
  capacity?: CapacityDelta;
  contracts: ContractFileChange[];
  /** Rule configuration errors of the new design (the old one's are not the change's fault). */
  reviewErrors: DesignError[];
}
