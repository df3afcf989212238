import { describe, expect, it } from 'vitest';
import { parseFaultSpecs } from '../../../src/capacity/simulate/faults.js';

const ids = ['gateway', 'user-service', 'users-db'];

describe('--fail and --slow', () => {
  it('reads an instant, a window and the whole run', () => {
    const { faults, errors } = parseFaultSpecs({ fail: ['user-service@60s', 'user-service@1min..90s', 'gateway'] }, ids);
    expect(errors).toEqual([]);
    expect(faults).toEqual([
      { kind: 'fail', component: 'user-service', from: 60, to: undefined },
      { kind: 'fail', component: 'user-service', from: 60, to: 90 },
      { kind: 'fail', component: 'gateway', from: 0, to: undefined },
    ]);
  });

  it('reads a slow-down factor with its window', () => {
    const { faults, errors } = parseFaultSpecs({ slow: ['users-db=3x@30s..90s', 'gateway=1.5x'] }, ids);
    expect(errors).toEqual([]);
    expect(faults).toEqual([
      { kind: 'slow', component: 'users-db', factor: 3, from: 30, to: 90 },
      { kind: 'slow', component: 'gateway', factor: 1.5, from: 0, to: undefined },
    ]);
  });

  it('names the offending text and the nearest component for an unknown id', () => {
    const { errors } = parseFaultSpecs({ fail: ['user-servce@60s'], slow: ['user-db=2x@1s'] }, ids);
    expect(errors).toEqual([
      { text: 'user-servce@60s', message: 'unknown component "user-servce"', nearest: 'user-service' },
      { text: 'user-db=2x@1s', message: 'unknown component "user-db"', nearest: 'users-db' },
    ]);
  });

  it('rejects malformed times, windows and factors', () => {
    const { faults, errors } = parseFaultSpecs({
      fail: ['gateway@soon', 'gateway@90s..60s', 'gateway@1s..2s..3s', '@10s'],
      slow: ['users-db@30s', 'users-db=0x', 'users-db=fastx'],
    }, ids);
    expect(faults).toEqual([]);
    expect(errors.map((e) => e.text)).toEqual([
      'gateway@soon', 'gateway@90s..60s', 'gateway@1s..2s..3s', '@10s', 'users-db@30s', 'users-db=0x', 'users-db=fastx',
    ]);
    expect(errors[0].message).toContain('"soon" is not a time');
    expect(errors[1].message).toContain('ends (60s) before it starts (90s)');
    expect(errors[5].message).toContain('factor must be above 0');
  });
});
