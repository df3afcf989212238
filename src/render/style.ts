/** Colours and shapes shared by every diagram language, so the views look alike everywhere. */
import type { Severity } from '../rules/types.js';

export const KIND_FILL: Record<string, string> = {
  user: '#fdf2d0', system: '#dbe9ff', service: '#dbe9ff', gateway: '#d7f0e4', datastore: '#ede4fb', queue: '#fde6d3',
  cache: '#fbe3ee', frontend: '#e3f3f8', job: '#eceff3', external: '#f2f2f2', existing: '#f2f2f2', secrets: '#fff4c2', log: '#eceff3',
};

export const SEVERITY_STROKE: Record<Severity, string> = { error: '#c62828', warning: '#e08a00', info: '#1e6fd9' };
export const DEFAULT_STROKE = '#5b6472';
export const PLAINTEXT_STROKE = '#c62828';

export function fillOf(kind: string): string {
  return KIND_FILL[kind] ?? '#eceff3';
}

/** The second line of a node's label: its kind and how many findings it has. */
export function caption(kind: string, findings?: number): string {
  return findings ? `${kind} · ${findings} finding${findings === 1 ? '' : 's'}` : kind;
}
