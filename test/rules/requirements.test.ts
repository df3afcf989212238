import { describe, expect, it } from 'vitest';
import unservedRequirement from '../../src/rules/packs/requirements/unserved-requirement.js';
import { findingsOf } from '../helpers.js';

describe('requirements/unserved-requirement', () => {
  it('reports a requirement no component serves', () => {
    const findings = findingsOf(unservedRequirement, {
      requirements: [{ id: 'R1', kind: 'function', text: 'Do a thing.' }, { id: 'R2', kind: 'function', text: 'Another.' }],
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }],
    });
    expect(findings.map((f) => f.id)).toEqual(['requirements/unserved-requirement@R2']);
    expect(findings[0].location).toMatchObject({ file: 'design.yaml' });
  });

  it('is quiet when every requirement is served', () => {
    const findings = findingsOf(unservedRequirement, {
      requirements: [{ id: 'R1', kind: 'function', text: 'Do a thing.' }],
      components: [{ id: 'api', kind: 'service', serves: ['R1'] }],
    });
    expect(findings).toEqual([]);
  });
});
