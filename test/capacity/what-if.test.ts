import { describe, expect, it } from 'vitest';
import { analyseCapacity } from '../../src/capacity/analyse.js';
import { applyWhatIf, parseWhatIf, type WhatIfChange } from '../../src/capacity/what-if.js';
import { designOf } from '../helpers.js';

const design = () => designOf({
  system: { name: 'S', constraints: { budget: { monthly: 500, currency: 'USD' } } },
  components: [
    { id: 'user-service', kind: 'service', serviceTime: '4ms', concurrency: 8, instances: { min: 2, max: 4 } },
    { id: 'users-db', kind: 'datastore', serviceTime: '1ms', concurrency: 10, instances: 1 },
  ],
  workloads: [{ id: 'inbound', rate: '1000/s', growth: '5%/month', horizon: '12 months', path: ['user-service', 'users-db'] }],
});

function parsed(text: string): WhatIfChange {
  const r = parseWhatIf(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('parseWhatIf', () => {
  it('reads design-wide and per-element changes with their units', () => {
    expect(parsed('growth=20%')).toMatchObject({ key: 'growth', value: 0.2 });
    expect(parsed('growth.inbound=40%/year').value).toBeCloseTo(1.4 ** (1 / 12) - 1, 12);
    expect(parsed('instances.user-service=6')).toMatchObject({ key: 'instances', target: 'user-service', value: 6 });
    expect(parsed('instances.user-service=2..12')).toMatchObject({ value: { min: 2, max: 12 } });
    expect(parsed('serviceTime.users-db=2ms').value).toBeCloseTo(0.002, 15);
    expect(parsed('peakFactor=2')).toMatchObject({ key: 'peakFactor', value: 2 });
    expect(parsed('horizon=3y').value).toBe(36);
    expect(parsed('targetUtilisation=60%').value).toBeCloseTo(0.6, 15);
  });

  it('rejects unknown keys with the nearest one, and bad values with what is expected', () => {
    const typo = parseWhatIf('grwoth=20%');
    expect(typo.ok).toBe(false);
    expect(!typo.ok && typo.error).toMatch(/unknown key "grwoth" \(did you mean "growth"\?\)/);
    expect(parseWhatIf('instances=4')).toMatchObject({ ok: false, error: expect.stringMatching(/needs an id/) });
    expect(parseWhatIf('serviceTime.users-db=fast')).toMatchObject({ ok: false, error: expect.stringMatching(/expected a duration/) });
    expect(parseWhatIf('instances.x=3..1')).toMatchObject({ ok: false });
    expect(parseWhatIf('growth')).toMatchObject({ ok: false, error: expect.stringMatching(/key=value/) });
  });
});

describe('applyWhatIf', () => {
  it('changes a copy and leaves the design alone', () => {
    const original = design();
    const { design: changed, errors } = applyWhatIf(original, [parsed('instances.user-service=6'), parsed('serviceTime.users-db=2ms'), parsed('growth=20%'), parsed('peakFactor=2')]);
    expect(errors).toEqual([]);
    const us = changed.components.find((c) => c.id === 'user-service')!;
    expect([us.instancesMin, us.instancesMax]).toEqual([6, 6]);
    expect(changed.components.find((c) => c.id === 'users-db')!.serviceTimeSeconds).toBeCloseTo(0.002, 15);
    expect(changed.workloads[0].growthPerMonth).toBeCloseTo(0.2, 15);
    expect(original.components[0].instancesMax).toBe(4);
    expect(original.workloads[0].growthPerMonth).toBeCloseTo(0.05, 15);
    expect(analyseCapacity(changed).workloads[0].rate).toBeCloseTo(2000, 9);
    expect(analyseCapacity(original).workloads[0].rate).toBeCloseTo(1000, 9);
  });

  it('moves the predictions the way the change says', () => {
    const base = analyseCapacity(design());
    const faster = analyseCapacity(applyWhatIf(design(), [parsed('serviceTime.users-db=0.5ms')]).design);
    expect(faster.workloads[0].latency.mean).toBeLessThan(base.workloads[0].latency.mean);
    const richer = analyseCapacity(applyWhatIf(design(), [parsed('budget=100000')]).design);
    expect(richer.growth.overBudgetMonth).toBeUndefined();
    const target = analyseCapacity(applyWhatIf(design(), [parsed('targetUtilisation=35%')]).design);
    expect(target.targetUtilisation).toBeCloseTo(0.35, 12);
  });

  it('names unknown ids with the nearest known one', () => {
    const { errors } = applyWhatIf(design(), [parsed('instances.user-servce=6'), parsed('rate.inbond=5/s')]);
    expect(errors).toEqual([
      '--what-if instances.user-servce=6: unknown component "user-servce" (did you mean "user-service"?)',
      '--what-if rate.inbond=5/s: unknown workload "inbond" (did you mean "inbound"?)',
    ]);
  });
});
