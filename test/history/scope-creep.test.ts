import { describe, expect, it } from 'vitest';
import { diffDesigns } from '../../src/history/index.js';
import { BASE, designOf } from '../helpers.js';

const before = {
  system: { ...BASE.system, scope: { in: ['message routing'], out: ['voice calls', 'payments'] } },
  requirements: [
    { id: 'R1', kind: 'function', text: 'Route messages.', scope: 'message routing' },
    { id: 'R9', kind: 'function', text: 'Take voice calls.', scope: 'voice calls' },
    { id: 'R10', kind: 'function', text: 'Recommend bots.', priority: 'wont' },
  ],
  components: [
    { id: 'router', kind: 'service', serves: ['R1'] },
    { id: 'legacy-job', kind: 'job' },
  ],
  links: [] as Record<string, unknown>[],
};

type Doc = typeof before;
const creepOf = (after: Doc) => diffDesigns(designOf(before), designOf(after), { rules: [], capacity: false }).scopeCreep;
const withChange = (change: (d: Doc) => void): Doc => {
  const copy = structuredClone(before);
  change(copy);
  return copy;
};

describe('diffDesigns: scope creep', () => {
  it('flags a new service that serves no requirement', () => {
    const creep = creepOf(withChange((d) => d.components.push({ id: 'recommender', kind: 'service' } as never)));
    expect(creep).toEqual([expect.objectContaining({ kind: 'component', id: 'recommender', message: 'New service "recommender" serves no requirement.' })]);
  });

  it('accepts a new service that serves a requirement', () => {
    expect(creepOf(withChange((d) => d.components.push({ id: 'router-2', kind: 'service', serves: ['R1'] })))).toEqual([]);
  });

  it('flags a new component serving only a requirement that is out of scope or wont', () => {
    const creep = creepOf(withChange((d) => {
      d.components.push({ id: 'voice', kind: 'service', serves: ['R9'] }, { id: 'recs', kind: 'service', serves: ['R10'] });
    }));
    expect(creep.map((c) => c.id)).toEqual(['voice', 'recs']);
    expect(creep[0].message).toContain('R9 (out of scope (voice calls))');
    expect(creep[1].message).toContain('R10 (priority: wont)');
  });

  it('accepts a new store that a serving component uses, and flags one nobody serving uses', () => {
    const creep = creepOf(withChange((d) => {
      d.components.push({ id: 'routes-db', kind: 'datastore' } as never, { id: 'orphan-db', kind: 'datastore' } as never);
      d.links.push({ from: 'router', to: 'routes-db', protocol: 'sql' }, { from: 'legacy-job', to: 'orphan-db', protocol: 'sql' });
    }));
    expect(creep.map((c) => `${c.kind} ${c.id}`)).toEqual(['component orphan-db', 'link legacy-job->orphan-db']);
    expect(creep[0].message).toBe('New datastore "orphan-db" serves no requirement, and no component linked to it does.');
  });

  it('flags a new link only when neither end serves a requirement', () => {
    const creep = creepOf(withChange((d) => {
      d.components.push({ id: 'reporter', kind: 'job' } as never);
      d.links.push({ from: 'router', to: 'legacy-job', protocol: 'grpc' }, { from: 'legacy-job', to: 'reporter', protocol: 'grpc' });
    }));
    expect(creep.map((c) => `${c.kind} ${c.id}`)).toEqual(['component reporter', 'link legacy-job->reporter']);
    expect(creep[1].evidence).toEqual({ from: 'legacy-job', to: 'reporter', protocol: 'grpc' });
  });

  it('does not flag what was there before', () => {
    // legacy-job serves nothing, but it is not new.
    expect(creepOf(before)).toEqual([]);
  });

  it('flags functions moving from out of scope to in scope, not new functions', () => {
    const creep = creepOf(withChange((d) => {
      d.system.scope = { in: ['message routing', 'Voice calls', 'bot analytics'], out: ['payments'] };
    }));
    expect(creep).toEqual([expect.objectContaining({ kind: 'scope', id: 'Voice calls', message: '"Voice calls" moved from out of scope to in scope.' })]);
  });
});
