/** Test helpers: designs from inline YAML through an in-memory host, and reviews of them. */
import yaml from 'js-yaml';
import type { Design } from '../src/model/design.js';
import { loadDesign, type DesignHost, type LoadResult } from '../src/model/load.js';
import { nodeHost } from '../src/io/node-host.js';
import { review, type ReviewOptions } from '../src/rules/engine.js';
import type { Finding, Rule } from '../src/rules/types.js';

export function memoryHost(files: Record<string, string | Uint8Array>): DesignHost {
  return {
    readFile: (path) => files[path],
    glob: (patterns, cwd) => {
      const prefix = cwd === '.' ? '' : `${cwd}/`;
      return Object.keys(files).filter((f) => f.startsWith(prefix) && patterns.some((p) => globToRegExp(p).test(f.slice(prefix.length))));
    },
  };
}

function globToRegExp(glob: string): RegExp {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`);
}

/** A minimal valid design; `extra` is merged over it (lists replace lists). */
export const BASE = {
  archwright: 1,
  system: { name: 'Test system', purpose: 'Testing.', constraints: { engineers: 2 } },
};

export function yamlOf(doc: unknown): string {
  return yaml.dump(doc, { lineWidth: 200 });
}

/** Loads a design given as YAML text or as an object (merged over BASE). */
export function load(design: string | Record<string, unknown>, files: Record<string, string> = {}): LoadResult {
  const text = typeof design === 'string' ? design : yamlOf({ ...BASE, ...design });
  return loadDesign('design.yaml', memoryHost({ 'design.yaml': text, ...files }));
}

export function designOf(design: string | Record<string, unknown>, files: Record<string, string> = {}): Design {
  const result = load(design, files);
  if (!result.design) throw new Error(`design did not load: ${JSON.stringify(result.errors, null, 2)}`);
  return result.design;
}

/** Findings of the given rules (only those) on a design. */
export function findingsOf(rules: Rule | Rule[], design: string | Record<string, unknown>, options: ReviewOptions = {}): Finding[] {
  const list = Array.isArray(rules) ? rules : [rules];
  return review(designOf(design), list, options).findings;
}

/** A design document as tests edit it: loose on purpose, the loader checks it. */
export type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh copy of a sound design with one change applied. */
export function variantOf(sound: () => Doc, change: (d: Doc) => void): Doc {
  const d = sound();
  change(d);
  return d;
}

export const componentIn = (d: Doc, id: string): Doc => d.components.find((c: Doc) => c.id === id);
export const linkIn = (d: Doc, from: string, to: string): Doc => d.links.find((l: Doc) => l.from === from && l.to === to);
/** The ids of one rule's findings on a design. */
export const idsOf = (rule: Rule, d: Doc): string[] => findingsOf(rule, d).map((f) => f.id);

/** The bundled example, read from disk as the CLI reads it. */
export function exampleDesign(): Design {
  const { design, errors } = loadDesign('examples/bot-platform/archwright.yaml', nodeHost);
  if (!design) throw new Error(`the bundled example did not load: ${JSON.stringify(errors, null, 2)}`);
  return design;
}
