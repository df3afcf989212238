import { describe, expect, it } from 'vitest';
import { diffFormatters, diffSnapshots, snapshotDesign } from '../../src/history/index.js';
import { packSnapshot, unpackSnapshot } from '../../src/history/pack.js';
import { designOf } from '../helpers.js';

const today = new Date('2026-11-24T00:00:00Z');

const before = designOf({
  system: { name: 'Shop', constraints: { engineers: 3 }, scope: { in: ['checkout'], out: ['recommendations'] } },
  requirements: [{ id: 'R1', kind: 'function', text: 'Check out.' }, { id: 'R2', kind: 'function', text: 'Pay.' }],
  zones: [{ id: 'core', trust: 'internal' }],
  components: [
    { id: 'api', kind: 'service', zone: 'core', serves: ['R1'], exposes: [{ protocol: 'http' }], instances: 1 },
    { id: 'db', kind: 'datastore', zone: 'core', stores: [] },
  ],
  links: [{ from: 'api', to: 'db', protocol: 'sql' }],
});
const after = designOf({
  system: { name: 'Shop', constraints: { engineers: 3 }, scope: { in: ['checkout', 'recommendations'], out: [] } },
  requirements: [{ id: 'R1', kind: 'function', text: 'Check out.' }, { id: 'R3', kind: 'function', text: 'Refund.' }],
  zones: [{ id: 'core', trust: 'internal' }],
  components: [
    { id: 'api', kind: 'service', zone: 'core', serves: ['R1', 'R3'], exposes: [{ protocol: 'grpc', auth: 'mtls' }], instances: { min: 2, max: 4 } },
    { id: 'db', kind: 'datastore', zone: 'core', stores: [] },
    { id: 'recs', kind: 'service', zone: 'core' },
  ],
  links: [{ from: 'api', to: 'db', protocol: 'sql', tls: 'tls' }, { from: 'recs', to: 'db', protocol: 'sql' }],
});

describe('packed snapshots (the form sent between threads)', () => {
  it('give the same diff as snapshots made in place', () => {
    const options = { review: { today } };
    const direct = diffSnapshots(snapshotDesign(before, options), snapshotDesign(after, options));
    // structuredClone stands in for postMessage.
    const packed = structuredClone(packSnapshot(snapshotDesign(before, options)));
    const viaPack = diffSnapshots(unpackSnapshot(packed), snapshotDesign(after, options));
    expect(direct.elements.changed.length).toBeGreaterThan(0);
    expect(direct.risk.resolved.length + direct.risk.new.length).toBeGreaterThan(0);
    for (const format of ['json', 'markdown', 'stylish']) {
      expect(diffFormatters[format]({ diff: viaPack })).toBe(diffFormatters[format]({ diff: direct }));
    }
  });

  it('compare unchanged elements by their text without parsing them', () => {
    const packed = unpackSnapshot(packSnapshot(snapshotDesign(after, { rules: [], capacity: false })));
    const diff = diffSnapshots(packed, snapshotDesign(after, { rules: [], capacity: false }));
    expect(diff.elements).toEqual({ added: [], removed: [], changed: [] });
    // Only the system section is read (for the scope); every other element stays unparsed.
    const parsed = Object.entries(packed.sections).flatMap(([, list]) => list.filter((e) => (e as unknown as { parsed?: unknown }).parsed !== undefined).map((e) => e.id));
    expect(parsed).toEqual(['system']);
  });
});
