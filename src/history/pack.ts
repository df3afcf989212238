/**
 * A snapshot in a form that is cheap to send between threads: each element
 * and each finding as one JSON string. Copying ~60k small objects between
 * threads costs more than loading the design (measured on a 10k-component
 * design); strings copy fast. The receiving side compares elements by their
 * JSON (equal text means nothing changed) and parses an element or a finding
 * only when the diff needs it.
 */
import type { Finding, FindingStatus, Severity } from '../rules/types.js';
import type { DesignSnapshot, ElementDoc, SnapshotElement } from './snapshot.js';
import type { DiffSection } from './types.js';

export interface PackedSnapshot {
  file: string;
  files: string[];
  system: string;
  sections: Record<DiffSection, { ids: string[]; json: string[] }>;
  findings: { ids: string[]; status: FindingStatus[]; severity: Severity[]; json: string[] };
  reviewErrors: DesignSnapshot['reviewErrors'];
  capacity?: DesignSnapshot['capacity'];
  contracts: DesignSnapshot['contracts'];
}

export function packSnapshot(snapshot: DesignSnapshot): PackedSnapshot {
  const sections = {} as PackedSnapshot['sections'];
  for (const [section, list] of Object.entries(snapshot.sections) as [DiffSection, SnapshotElement[]][]) {
    sections[section] = { ids: list.map((e) => e.id), json: list.map(jsonOf) };
  }
  const f = snapshot.findings;
  return {
    file: snapshot.file,
    files: snapshot.files,
    system: snapshot.system,
    sections,
    findings: {
      ids: f.map((x) => x.id),
      status: f.map((x) => x.status),
      severity: f.map((x) => x.severity),
      json: f.map((x) => JSON.stringify(x)),
    },
    reviewErrors: snapshot.reviewErrors,
    capacity: snapshot.capacity,
    contracts: snapshot.contracts,
  };
}

export function unpackSnapshot(packed: PackedSnapshot): DesignSnapshot {
  const sections = {} as DesignSnapshot['sections'];
  for (const [section, { ids, json }] of Object.entries(packed.sections) as [DiffSection, PackedSnapshot['sections'][DiffSection]][]) {
    sections[section] = ids.map((id, i) => new PackedElement(id, json[i]));
  }
  const f = packed.findings;
  return {
    file: packed.file,
    files: packed.files,
    system: packed.system,
    sections,
    findings: f.ids.map((id, i) => new PackedFinding(id, f.status[i], f.severity[i], f.json[i])),
    reviewErrors: packed.reviewErrors,
    capacity: packed.capacity,
    contracts: packed.contracts,
  };
}

/**
 * Computes every element's JSON ahead of a comparison with a packed snapshot,
 * e.g. while the other thread is still packing: the comparison then only
 * compares strings.
 */
export function prepareForPacked(snapshot: DesignSnapshot): void {
  for (const list of Object.values(snapshot.sections)) for (const e of list) jsonOf(e);
}

/** An element's JSON: the text sent, and the text two versions are compared by. */
export function jsonOf(element: SnapshotElement): string {
  return element.json ?? (element.json = JSON.stringify(element.doc));
}

class PackedElement implements SnapshotElement {
  private parsed?: ElementDoc;
  constructor(readonly id: string, readonly json: string) {}
  get doc(): ElementDoc {
    return (this.parsed ??= JSON.parse(this.json) as ElementDoc);
  }
}

/** A finding whose identity is at hand and whose details are parsed when first read. */
class PackedFinding implements Finding {
  private parsed?: Finding;
  constructor(readonly id: string, readonly status: FindingStatus, readonly severity: Severity, private readonly json: string) {}
  private get full(): Finding {
    return (this.parsed ??= JSON.parse(this.json) as Finding);
  }
  get subject() { return this.full.subject; }
  get rule() { return this.full.rule; }
  get message() { return this.full.message; }
  get location() { return this.full.location; }
  set location(value) { this.full.location = value; }
  get evidence() { return this.full.evidence; }
  get fix() { return this.full.fix; }
  get citations() { return this.full.citations; }
  get statusNote() { return this.full.statusNote; }
  toJSON(): Finding {
    return this.full;
  }
}
