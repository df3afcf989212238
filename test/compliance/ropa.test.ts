import { describe, expect, it } from 'vitest';
import { ropaCsv, ropaMarkdown } from '../../src/compliance/ropa-format.js';
import { generateRopa } from '../../src/compliance/ropa.js';
import { loadDesign } from '../../src/model/load.js';
import { nodeHost } from '../../src/io/node-host.js';
import { designOf } from '../helpers.js';

function example(name: string) {
  const result = loadDesign(`examples/${name}/archwright.yaml`, nodeHost);
  if (!result.design) throw new Error(JSON.stringify(result.errors));
  return result.design;
}

describe('generateRopa', () => {
  it('fills every Art. 30(1) entry for the well-designed example', () => {
    const ropa = generateRopa(example('well-designed'));
    expect(ropa.controller).toMatchObject({ name: 'Telehealth Lite GmbH', dpo: 'dpo@telehealth-lite.example' });
    expect(ropa.activities.map((a) => a.purpose)).toEqual(['Telehealth consultations', 'Billing']);
    const consults = ropa.activities[0];
    expect(consults.lawfulBasis).toEqual(['patient-profile: contract', 'consult-notes: contract', 'video-session: contract']);
    expect(consults.data).toContain('Consultation notes (personal, phi; Art. 9 condition 9(2)(h))');
    expect(consults.subjects).toEqual(['Patients']);
    expect(consults.recipients).toEqual(['video-platform (processor under a DPA, IE)']);
    expect(consults.transfers).toEqual([]);
    expect(consults.retention).toContain('consult-notes: 3650d (records-db 3650d)');
    expect(consults.security).toContain('stores encrypted at rest: 2 of 2');
    expect(ropa.gaps).toEqual([]);
  });

  it('records a transfer outside the EEA with its safeguard', () => {
    const ropa = generateRopa(example('bot-platform'));
    expect(ropa.activities[0].transfers).toEqual([{ recipient: 'slack', country: 'US', safeguard: 'standard contractual clauses (Art. 46(2)(c))' }]);
    expect(ropa.activities[0].retention).toContain('user-profile: 730d (users-db not stated)');
  });

  it('lists what the design does not state as gaps instead of inventing it', () => {
    const ropa = generateRopa(designOf({
      system: { name: 'Bare', purpose: 'Newsletters.' },
      data: [{ id: 'email', classification: ['personal'] }],
      components: [{ id: 'sender', kind: 'external', uses: ['email'] }],
    }));
    expect(ropa.activities.map((a) => a.purpose)).toEqual(['Newsletters.']);
    expect(ropa.gaps).toEqual([
      '(a) controller: add `system.controller: { name, contact, dpo }`',
      '(c) data subjects of email: add `subjects:`',
      '(b) lawful basis of email for "Newsletters.": add `lawfulBasis:`',
      '(e) location of sender: add `region:` or `country:`',
      '(f) time limit for erasure of email: add `retention:`',
    ]);
    expect(ropaMarkdown(ropa)).toContain('- Controller: **not stated**');
  });
});

describe('ropa formats', () => {
  it('writes RFC 4180 CSV: a header, one row per activity, quoted fields', () => {
    const csv = ropaCsv(generateRopa(example('well-designed')));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Purpose (b),Lawful basis,Controller (a),DPO (a),Representative (a),Data subjects (c),Personal data (c),Recipients (d),Third-country transfers (e),Erasure time limits (f),Security measures (g)');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^Billing,patient-profile: contract,"Telehealth Lite GmbH, privacy@telehealth-lite.example",/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes a Markdown record with one section per activity', () => {
    const md = ropaMarkdown(generateRopa(example('well-designed')));
    expect(md).toContain('## Activity 1: Telehealth consultations');
    expect(md).toContain('None: every entry of Art. 30(1) could be filled from the design.');
  });
});
