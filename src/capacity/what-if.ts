/**
 * `--what-if key=value`: a change to try on a copy of the design, never on the file.
 *
 *   growth=20%                 every workload (or growth.ID=20%/month for one)
 *   peakFactor=2               every workload (or peakFactor.ID=2)
 *   horizon=36                 months, or 3y (or horizon.ID=…)
 *   rate.ID=2000/s  users.ID=500  thinkTime.ID=5s
 *   instances.ID=6  instances.ID=2..12
 *   concurrency.ID=64  serviceTime.ID=2ms  queueLimit.ID=10  cost.ID=120
 *   targetUtilisation=60%  budget=8000
 */
import type { Component, Design, Workload } from '../model/design.js';
import { suggestNearest } from '../model/errors.js';
import { parseCount, parseDuration, parseGrowth, parseHorizon, parsePercent, parseRate } from '../model/units.js';

type Scope = 'design' | 'workload' | 'component';
interface KeySpec {
  scope: Scope;
  /** Design-wide keys that may also name one element (growth.ID). */
  perWorkload?: boolean;
  parse: (text: string) => number | { min: number; max: number } | undefined;
  expects: string;
}

const positive = (v: number | undefined) => (v !== undefined && v > 0 ? v : undefined);
const wholePositive = (text: string) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

const KEYS: Record<string, KeySpec> = {
  growth: { scope: 'design', perWorkload: true, parse: (t) => parseGrowth(t), expects: 'a growth rate such as 20% or 40%/year' },
  peakFactor: { scope: 'design', perWorkload: true, parse: (t) => positive(Number(t)), expects: 'a number > 0 such as 2' },
  horizon: { scope: 'design', perWorkload: true, parse: (t) => (/^\d+$/.test(t.trim()) ? Number(t) : parseHorizon(t)), expects: 'months such as 36, or 3y' },
  rate: { scope: 'workload', parse: (t) => parseRate(t), expects: 'a rate such as 2000/s' },
  users: { scope: 'workload', parse: (t) => parseCount(t), expects: 'a count such as 500 or 5k' },
  thinkTime: { scope: 'workload', parse: (t) => parseDuration(t), expects: 'a duration such as 5s' },
  instances: {
    scope: 'component',
    parse: (t) => {
      const range = /^(\d+)\s*\.\.\s*(\d+)$/.exec(t.trim());
      if (range) {
        const [min, max] = [Number(range[1]), Number(range[2])];
        return min >= 1 && max >= min ? { min, max } : undefined;
      }
      return wholePositive(t);
    },
    expects: 'a whole number such as 6, or a range such as 2..12',
  },
  concurrency: { scope: 'component', parse: wholePositive, expects: 'a whole number such as 64' },
  serviceTime: { scope: 'component', parse: (t) => positive(parseDuration(t)), expects: 'a duration such as 2ms' },
  queueLimit: { scope: 'component', parse: (t) => (/^\d+$/.test(t.trim()) ? Number(t) : undefined), expects: 'a whole number such as 10' },
  cost: { scope: 'component', parse: (t) => (Number(t) >= 0 ? Number(t) : undefined), expects: 'a monthly cost per instance such as 120' },
  targetUtilisation: { scope: 'design', parse: (t) => { const v = parsePercent(t); return v !== undefined && v > 0 && v <= 1 ? v : undefined; }, expects: 'a percentage such as 60%' },
  budget: { scope: 'design', parse: (t) => (Number(t) >= 0 ? Number(t) : undefined), expects: 'a monthly amount such as 8000' },
};

export const WHAT_IF_KEYS: readonly string[] = Object.keys(KEYS);

export interface WhatIfChange {
  key: string;
  /** The workload or component the change applies to; undefined for design-wide changes. */
  target?: string;
  value: number | { min: number; max: number };
  /** As the user wrote it. */
  text: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses one `key[.id]=value`. Ids are checked later, against a design (applyWhatIf). */
export function parseWhatIf(text: string): ParseResult<WhatIfChange> {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, error: `--what-if ${text}: expected key=value, e.g. growth=20% or instances.user-service=6` };
  const left = text.slice(0, eq).trim();
  const valueText = text.slice(eq + 1).trim();
  const dot = left.indexOf('.');
  const key = dot < 0 ? left : left.slice(0, dot);
  const target = dot < 0 ? undefined : left.slice(dot + 1);
  const spec = KEYS[key];
  if (!spec) {
    const nearest = suggestNearest(key, WHAT_IF_KEYS);
    return { ok: false, error: `--what-if ${text}: unknown key "${key}"${nearest ? ` (did you mean "${nearest}"?)` : ''}; keys: ${WHAT_IF_KEYS.join(', ')}` };
  }
  if (spec.scope !== 'design' && !target) return { ok: false, error: `--what-if ${text}: ${key} needs an id, e.g. ${key}.${spec.scope === 'component' ? 'user-service' : 'inbound'}=…` };
  if (spec.scope === 'design' && target && !spec.perWorkload) return { ok: false, error: `--what-if ${text}: ${key} applies to the whole design and takes no id` };
  const value = spec.parse(valueText);
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    return { ok: false, error: `--what-if ${text}: expected ${spec.expects}` };
  }
  return { ok: true, value: { key, target, value, text } };
}

/** A copy of the design with the changes applied; the original is untouched. Errors name unknown ids with the nearest known one. */
export function applyWhatIf(design: Design, changes: readonly WhatIfChange[]): { design: Design; errors: string[] } {
  const errors: string[] = [];
  const components = new Map<string, Component>();
  const workloads = new Map<string, Workload>();
  const componentIds = design.components.map((c) => c.id);
  const workloadIds = design.workloads.map((w) => w.id);
  let capacity = design.capacity;
  let system = design.system;

  const componentCopy = (id: string) => {
    let c = components.get(id);
    if (!c) components.set(id, (c = { ...design.components.find((x) => x.id === id)! }));
    return c;
  };
  const workloadCopy = (id: string) => {
    let w = workloads.get(id);
    if (!w) workloads.set(id, (w = { ...design.workloads.find((x) => x.id === id)! }));
    return w;
  };
  const unknown = (change: WhatIfChange, kind: string, known: string[]) => {
    const nearest = suggestNearest(change.target!, known);
    errors.push(`--what-if ${change.text}: unknown ${kind} "${change.target}"${nearest ? ` (did you mean "${nearest}"?)` : ''}`);
  };

  for (const change of changes) {
    const spec = KEYS[change.key];
    const v = change.value;
    if (spec.scope === 'component') {
      if (!componentIds.includes(change.target!)) {
        unknown(change, 'component', componentIds);
        continue;
      }
      const c = componentCopy(change.target!);
      applyComponent(c, change.key, v);
      continue;
    }
    if (spec.scope === 'workload' || change.target !== undefined) {
      if (!workloadIds.includes(change.target!)) {
        unknown(change, 'workload', workloadIds);
        continue;
      }
      applyWorkload(workloadCopy(change.target!), change.key, v as number);
      continue;
    }
    if (change.key === 'targetUtilisation') {
      capacity = { ...capacity, targetUtilisation: `${(v as number) * 100}%` };
    } else if (change.key === 'budget') {
      const budget = system.constraints?.budget;
      system = { ...system, constraints: { ...system.constraints, budget: { currency: budget?.currency ?? 'USD', monthly: v as number } } };
    } else {
      for (const id of workloadIds) applyWorkload(workloadCopy(id), change.key, v as number);
    }
  }

  const byId = new Map(design.byId);
  for (const c of components.values()) byId.set(c.id, { kind: 'component', element: c });
  for (const w of workloads.values()) byId.set(w.id, { kind: 'workload', element: w });
  return {
    design: {
      ...design,
      system,
      capacity,
      components: design.components.map((c) => components.get(c.id) ?? c),
      workloads: design.workloads.map((w) => workloads.get(w.id) ?? w),
      byId,
    },
    errors,
  };
}

function applyComponent(c: Component, key: string, v: WhatIfChange['value']): void {
  switch (key) {
    case 'instances':
      if (typeof v === 'number') {
        c.instances = v;
        c.instancesMin = v;
        c.instancesMax = v;
      } else {
        c.instances = { min: v.min, max: v.max };
        c.instancesMin = v.min;
        c.instancesMax = v.max;
      }
      if (c.scalesOut === false) c.scalesOut = undefined;
      return;
    case 'concurrency':
      c.concurrency = v as number;
      return;
    case 'serviceTime':
      c.serviceTime = `${(v as number) * 1000}ms`;
      c.serviceTimeSeconds = v as number;
      c.capacity = undefined;
      return;
    case 'queueLimit':
      c.queueLimit = v as number;
      return;
    case 'cost':
      c.cost = { ...c.cost, perInstanceMonthly: v as number };
      return;
  }
}

function applyWorkload(w: Workload, key: string, v: number): void {
  switch (key) {
    case 'growth':
      w.growthPerMonth = v;
      w.growth = `${v * 100}%/month`;
      return;
    case 'peakFactor':
      w.peakFactor = v;
      w.peakFactorValue = v;
      return;
    case 'horizon':
      w.horizonMonths = v;
      w.horizon = `${v} months`;
      return;
    case 'rate':
      w.ratePerSecond = v;
      w.rate = `${v}/s`;
      w.users = undefined;
      return;
    case 'users':
      w.users = v;
      w.ratePerSecond = undefined;
      w.rate = undefined;
      return;
    case 'thinkTime':
      w.thinkTimeSeconds = v;
      w.thinkTime = `${v}s`;
      return;
  }
}
