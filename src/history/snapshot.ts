/**
 * A design reduced to what a diff compares: each element as the user wrote it
 * (schema fields only: no `source`, no parsed units or other derived fields),
 * the review's findings, the capacity figures and the contract files it refers to.
 * Plain data, so a snapshot can be computed in another thread and sent over.
 */
import type { z } from 'zod';
import type { Design } from '../model/design.js';
import type { DesignError } from '../model/errors.js';
import { contractReferences } from '../model/contract-files.js';
import { dirname } from '../model/paths.js';
import { DesignSchema, LIST_SECTIONS, type ListSection } from '../model/schema.js';
import { allRules } from '../rules/index.js';
import { review, type ReviewOptions } from '../rules/engine.js';
import type { Finding, Rule } from '../rules/types.js';
import { capacityFigures } from './capacity.js';
import type { CapacityFigures, DiffSection } from './types.js';

export type ElementDoc = Record<string, unknown>;

export interface SnapshotElement {
  id: string;
  doc: ElementDoc;
  /** The doc as JSON, once computed (see pack.ts): equal JSON, equal element. */
  json?: string;
}

export interface ContractRef {
  /** The contract file relative to the design's entry folder, so two copies of a design compare. */
  key: string;
  /** The file as read, relative to the working folder. */
  file: string;
  /** The element whose interface names it, e.g. `component user-service`. */
  owner: string;
  ownerId: string;
  /** The contract's text; undefined when it could not be read. */
  text?: string;
}

export interface DesignSnapshot {
  file: string;
  files: string[];
  system: string;
  sections: Record<DiffSection, SnapshotElement[]>;
  findings: Finding[];
  reviewErrors: DesignError[];
  capacity?: CapacityFigures;
  contracts: ContractRef[];
}

export interface SnapshotOptions {
  /** The rules to review with (default: every shipped rule). */
  rules?: readonly Rule[];
  review?: ReviewOptions;
  /** The capacity analysis (default: src/capacity's, as the review computed it); `false` leaves the capacity delta out. */
  capacity?: ((design: Design) => CapacityFigures | undefined) | false;
}

/** The fields a user can write in each section, from the schema: everything else on a resolved element is derived. */
const FIELDS: Record<DiffSection, readonly string[]> = (() => {
  const shape = DesignSchema.shape;
  const keysOf = (schema: z.ZodType): string[] => {
    let node = schema as unknown as { unwrap?: () => unknown; element?: unknown; shape?: Record<string, unknown> };
    for (let i = 0; i < 5 && !node.shape; i++) {
      if (node.element) node = node.element as typeof node;
      else if (node.unwrap) node = node.unwrap() as typeof node;
      else break;
    }
    return Object.keys(node.shape ?? {});
  };
  const fields = {} as Record<DiffSection, string[]>;
  for (const section of LIST_SECTIONS) fields[section] = keysOf(shape[section]);
  fields.system = keysOf(shape.system);
  fields.checks = keysOf(shape.checks);
  fields.capacity = keysOf(shape.capacity);
  return fields;
})();

export function snapshotDesign(design: Design, options: SnapshotOptions = {}): DesignSnapshot {
  const sections = {} as Record<DiffSection, SnapshotElement[]>;
  sections.system = [{ id: 'system', doc: project(design.system, FIELDS.system) }];
  for (const section of LIST_SECTIONS) sections[section] = projectList(design, section);
  sections.checks = design.checks ? [{ id: 'checks', doc: project(design.checks, FIELDS.checks) }] : [];
  sections.capacity = design.capacity ? [{ id: 'capacity', doc: project(design.capacity, FIELDS.capacity) }] : [];

  const rules = options.rules ?? allRules;
  const shared = new Map<string, unknown>();
  const result = review(design, rules, { ...options.review, shared });
  return {
    file: design.file,
    files: design.files,
    system: design.system.name,
    sections,
    findings: result.findings,
    reviewErrors: result.errors,
    capacity: options.capacity === false ? undefined : options.capacity ? options.capacity(design) : capacityFigures(design, shared),
    contracts: contractRefs(design),
  };
}

function projectList(design: Design, section: ListSection): SnapshotElement[] {
  const fields = FIELDS[section];
  const list = design[section] as unknown as Record<string, unknown>[];
  const out: SnapshotElement[] = new Array(list.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    let id = String(section === 'risks' ? element.finding : element.id);
    // Ids are unique across a design, but two risk entries may name the same finding.
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) id = `${id}#${n}`;
    out[i] = { id, doc: project(element, fields) };
  }
  return out;
}

function project(element: object, fields: readonly string[]): ElementDoc {
  const out: ElementDoc = {};
  const source = element as Record<string, unknown>;
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** The contract files the design names, with the text the loader read (`design.contracts`). */
function contractRefs(design: Design): ContractRef[] {
  const base = dirname(design.file);
  return contractReferences(design).map((ref) => ({
    key: relativeTo(base, ref.path),
    file: ref.path,
    owner: `${ref.owner.kind} ${ref.owner.id}`,
    ownerId: ref.owner.id,
    text: design.contracts?.get(ref.path)?.text,
  }));
}

/** `to` written relative to the folder `from` (both normalised POSIX paths). */
function relativeTo(from: string, to: string): string {
  if (from === '.') return to;
  const a = from.split('/');
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
