/** The resolved design: validated documents plus ids, references and parsed units. */
import type {
  ComponentDoc, DataAssetDoc, DecisionDoc, DesignDoc, ExistingDoc, LinkDoc, RequirementDoc, RiskDoc,
  SystemDoc, UserDoc, WorkloadDoc, ZoneDoc,
} from './schema.js';
import type { SourceLocation } from './errors.js';

export type ElementKind =
  | 'system' | 'user' | 'requirement' | 'data' | 'zone' | 'component' | 'link'
  | 'workload' | 'existing' | 'decision' | 'risk';

export interface ElementRef {
  kind: ElementKind;
  id: string;
}

/** Where an element (or one of its fields) was written: a file and a path in that file's document. */
export interface SourceRef {
  file: string;
  path: (string | number)[];
}

interface Located {
  source: SourceRef;
}

export type User = UserDoc & Located;
export type Requirement = RequirementDoc & Located;
export type DataAsset = DataAssetDoc & Located & { retentionSeconds?: number };
export type Zone = ZoneDoc & Located;
export type Existing = ExistingDoc & Located;
export type Decision = DecisionDoc & Located;
export type Risk = RiskDoc & Located;

export interface Component extends ComponentDoc, Located {
  instancesMin: number;
  instancesMax: number;
  /** Mean service time in seconds, from serviceTime or 1/capacity. */
  serviceTimeSeconds?: number;
  timeoutSeconds?: number;
  retentionSeconds?: number;
}

export interface Link extends LinkDoc, Located {
  id: string;
  mode: 'sync' | 'async';
  /** What `from` and `to` name, looked up once when the design is resolved: rules walk every link many times. */
  fromEnd: LinkEnd;
  toEnd: LinkEnd;
}

/** What a link's end names: a component or an existing system. */
export type LinkEnd = Extract<Element, { kind: 'component' | 'existing' }>;

export interface WorkloadNode {
  component: string;
  /** Calls per request of the caller. */
  calls: number;
  /** Visits per workload request (product of calls from the root). */
  visits: number;
  async: boolean;
  children: WorkloadNode[];
  source: SourceRef;
}

export interface Workload extends WorkloadDoc, Located {
  ratePerSecond?: number;
  users?: number;
  thinkTimeSeconds?: number;
  peakFactorValue: number;
  growthPerMonth: number;
  horizonMonths: number;
  root: WorkloadNode;
  /** Every node of the path tree, depth first. */
  nodes: WorkloadNode[];
}

export type Element =
  | { kind: 'user'; element: User }
  | { kind: 'requirement'; element: Requirement }
  | { kind: 'data'; element: DataAsset }
  | { kind: 'zone'; element: Zone }
  | { kind: 'component'; element: Component }
  | { kind: 'link'; element: Link }
  | { kind: 'workload'; element: Workload }
  | { kind: 'existing'; element: Existing }
  | { kind: 'decision'; element: Decision };

export interface Design {
  /** The entry file. */
  file: string;
  /** Every file the design was read from, entry first. */
  files: string[];
  system: SystemDoc & Located;
  users: User[];
  requirements: Requirement[];
  data: DataAsset[];
  zones: Zone[];
  components: Component[];
  links: Link[];
  workloads: Workload[];
  existing: Existing[];
  decisions: Decision[];
  risks: Risk[];
  checks: DesignDoc['checks'];
  capacity: DesignDoc['capacity'];
  /** Every element with an id, by id. */
  byId: Map<string, Element>;
  linksFrom: Map<string, Link[]>;
  linksTo: Map<string, Link[]>;
  /** Where a path of a design file is, for findings and errors. */
  locate(source: SourceRef, field?: (string | number)[]): SourceLocation;
  /** Contract files named by `exposes[].contract` and `existing[].contract`, by path (relative to the working folder, like `files`). */
  contracts?: Map<string, ContractFile>;
}

/** A contract file's text, read by the loader's host; src/contracts parses it. */
export interface ContractFile {
  file: string;
  text: string;
}

export function component(design: Design, id: string): Component | undefined {
  const e = design.byId.get(id);
  return e?.kind === 'component' ? e.element : undefined;
}

export function dataAsset(design: Design, id: string): DataAsset | undefined {
  const e = design.byId.get(id);
  return e?.kind === 'data' ? e.element : undefined;
}

export function zone(design: Design, id: string | undefined): Zone | undefined {
  if (id === undefined) return undefined;
  const e = design.byId.get(id);
  return e?.kind === 'zone' ? e.element : undefined;
}

export function elementRef(e: Element): ElementRef {
  return { kind: e.kind, id: e.element.id };
}
