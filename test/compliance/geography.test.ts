import { describe, expect, it } from 'vitest';
import { ADEQUACY, EEA } from '../../src/rules/packs/gdpr/adequacy.js';
import { countryOfRegion, isEeaRegion } from '../../src/rules/packs/gdpr/geography.js';

describe('countryOfRegion', () => {
  it('names the country of AWS, Google Cloud and Azure regions', () => {
    expect(['eu-central-1', 'eu-west-2', 'europe-west4', 'westeurope', 'us-east-1', 'ap-northeast-2'].map(countryOfRegion))
      .toEqual(['DE', 'GB', 'NL', 'NL', 'US', 'KR']);
  });

  it('reads ISO codes and EU / EEA, and leaves unknown regions unknown', () => {
    expect(['FR', 'us', 'EU', 'eea'].map(countryOfRegion)).toEqual(['FR', 'US', 'EU', 'EU']);
    expect(countryOfRegion('eu-west-9')).toBeUndefined();
    expect(countryOfRegion('moon-base-1')).toBeUndefined();
  });
});

describe('isEeaRegion', () => {
  it('counts EU members and Iceland, Liechtenstein, Norway, not the UK or Switzerland', () => {
    expect(['eu-west-1', 'norwayeast', 'IS', 'EU'].every(isEeaRegion)).toBe(true);
    expect(['eu-west-2', 'eu-central-2', 'us-east-1', 'nowhere'].some(isEeaRegion)).toBe(false);
  });
});

describe('the adequacy list', () => {
  it('is dated, sourced, and names no EEA country', () => {
    expect(ADEQUACY.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ADEQUACY.source).toContain('cnpd.public.lu');
    expect([...ADEQUACY.countries].filter((c) => EEA.has(c))).toEqual([]);
    expect(ADEQUACY.partial.get('US')).toContain('Data Privacy Framework');
  });
});
