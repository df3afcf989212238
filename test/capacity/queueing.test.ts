/** Properties of the queueing library that hold for every input, and textbook identities between models. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaFitQuantile, gammaP, logGamma } from '../../src/capacity/distribution.js';
import { erlangB, erlangC } from '../../src/capacity/erlang.js';
import { mmck } from '../../src/capacity/finite.js';
import { gim1, interarrival, mg1, mgc, mgcResponseMoments } from '../../src/capacity/general.js';
import { mm1, mmc, mmcResponseMoments, mmcResponsePercentile, mmcResponseSurvival, mmcWaitPercentile } from '../../src/capacity/markovian.js';
import { multiClassMva, mva } from '../../src/capacity/mva.js';
import { openNetwork } from '../../src/capacity/network.js';

/** Erlang B by the plain recursion from zero servers: the reference for the truncated one. */
function erlangBFull(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

const relClose = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('Erlang B and C', () => {
  it('the recursion started near the load agrees with the full recursion', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.01, max: 6000, noNaN: true }), (c, a) => {
      expect(relClose(erlangB(c, a), erlangBFull(c, a), 1e-12) || erlangBFull(c, a) < 1e-290).toBe(true);
    }));
  });

  it('the O(√c) form for many servers agrees with the full recursion at every load', () => {
    for (const c of [400, 1000, 5000, 20_000]) {
      for (const rho of [0.05, 0.3, 0.7, 0.95, 0.999, 1, 1.2, 3]) {
        const a = rho * c;
        const full = erlangBFull(c, a);
        if (full < 1e-290) continue;
        expect(relClose(erlangB(c, a), full, 1e-11), `c=${c} ρ=${rho}: ${erlangB(c, a)} vs ${full}`).toBe(true);
      }
    }
  });

  it('stays finite and in [0, 1] for tens of thousands of servers', () => {
    const b = erlangB(50_000, 49_000);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(1);
    expect(erlangC(50_000, 49_000)).toBeGreaterThan(b);
    expect(erlangC(50_000, 49_000)).toBeLessThan(1);
  });

  it('C(1, ρ) = ρ for one server', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (rho) => {
      expect(erlangC(1, rho)).toBeCloseTo(rho, 12);
    }));
  });

  it('B(1, a) = a/(1+a) and C(2, a) = a²/(2+a)', () => {
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 15);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
  });
});

describe('M/M/c', () => {
  it('obeys Little\'s law and its percentiles invert its survival function', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.01, max: 0.98, noNaN: true }), fc.constantFrom(0.5, 0.95, 0.99), (c, rho, q) => {
      const m = mmc(rho * c * 10, 10, c);
      expect(m.meanInSystem).toBeCloseTo(m.arrivalRate * m.meanResponse, 9);
      const t = mmcResponsePercentile(m, q);
      expect(1 - mmcResponseSurvival(m, t)).toBeCloseTo(q, 9);
    }), { numRuns: 200 });
  });

  it('its response-time moments match a numerical integral of the survival function', () => {
    const m = mmc(7, 1, 8);
    const { mean, variance } = mmcResponseMoments(m);
    let first = 0;
    let second = 0;
    const dt = 1e-3;
    for (let t = dt / 2; t < 200; t += dt) {
      const s = mmcResponseSurvival(m, t);
      first += s * dt;
      second += 2 * t * s * dt;
    }
    expect(first).toBeCloseTo(mean, 5);
    expect(second - first * first).toBeCloseTo(variance, 4);
  });

  it('the wait percentile is zero when few enough arrivals wait, exact otherwise', () => {
    const light = mmc(1, 1, 10);
    expect(mmcWaitPercentile(light, 0.95)).toBe(0);
    const heavy = mmc(9, 1, 10);
    const t = mmcWaitPercentile(heavy, 0.99);
    expect(heavy.probWait * Math.exp(-(10 - 9) * t)).toBeCloseTo(0.01, 12);
  });

  it('reports an unstable queue instead of negative times', () => {
    const m = mm1(2, 1);
    expect(m.stable).toBe(false);
    expect(m.meanResponse).toBe(Infinity);
    expect(mmcResponsePercentile(m, 0.99)).toBe(Infinity);
  });
});

describe('M/M/c/K', () => {
  it('approaches M/M/c as the waiting room grows', () => {
    const finite = mmck(8, 1, 10, 400);
    const infinite = mmc(8, 1, 10);
    expect(finite.meanResponse).toBeCloseTo(infinite.meanResponse, 9);
    expect(finite.probLoss).toBeLessThan(1e-12);
  });

  it('stays stable above 100% offered load, losing the excess, without overflow', () => {
    const m = mmck(3000, 1, 1000, 20_000);
    expect(m.offeredUtilisation).toBe(3);
    expect(m.utilisation).toBeCloseTo(1, 9);
    expect(m.probLoss).toBeCloseTo(2 / 3, 9);
    expect(Number.isFinite(m.meanResponse)).toBe(true);
  });

  it('obeys Little\'s law for accepted customers', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 200 }), fc.double({ min: 0.05, max: 3, noNaN: true }), (c, room, rho) => {
      const m = mmck(rho * c, 1, c, c + room);
      expect(m.meanInSystem).toBeCloseTo(m.throughput * m.meanResponse, 8);
      expect(m.meanQueueLength).toBeCloseTo(m.throughput * m.meanWait, 8);
    }), { numRuns: 150 });
  });
});

describe('non-exponential service and arrivals', () => {
  it('Allen–Cunneen is Erlang C for exponential service and Pollaczek–Khinchine for one server', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (c, rho) => {
      expect(mgc(rho * c, 1, c, 1).meanWait).toBeCloseTo(mmc(rho * c, 1, c).meanWait, 10);
    }));
    const cs2 = 0.3;
    const rho = 0.8;
    expect(mg1(rho, 1, cs2).meanWait).toBeCloseTo((rho * (1 + cs2)) / (2 * (1 - rho)), 12);
  });

  it('its moments are exact for M/M/c', () => {
    const q = mmc(6, 1, 8);
    const a = mgcResponseMoments(q, 1);
    const b = mmcResponseMoments(q);
    expect(a.mean).toBeCloseTo(b.mean, 12);
    expect(a.variance).toBeCloseTo(b.variance, 12);
  });

  it('GI/M/1: more regular arrivals queue less (D < E4 < M < H2 at the same load)', () => {
    const w = [
      gim1(interarrival.deterministic(1), 1, 1.25).meanWait,
      gim1(interarrival.erlang(4, 1), 1, 1.25).meanWait,
      gim1(interarrival.erlang(1, 1), 1, 1.25).meanWait,
      // mean 0.5/0.6 + 0.5/3 = 1, squared CV above 1
      gim1(interarrival.hyperexponential(0.5, 0.6, 3), 1, 1.25).meanWait,
    ];
    expect(w[0]).toBeLessThan(w[1]);
    expect(w[1]).toBeLessThan(w[2]);
    expect(w[2]).toBeLessThan(w[3]);
    expect(w[2]).toBeCloseTo(0.8 / (1.25 - 1), 9);
  });
});

describe('distributions', () => {
  it('log Γ matches factorials', () => {
    for (let n = 1; n < 30; n++) {
      let f = 1;
      for (let k = 2; k < n; k++) f *= k;
      expect(relClose(logGamma(n), Math.log(f), 1e-13) || Math.abs(logGamma(n) - Math.log(f)) < 1e-13).toBe(true);
    }
  });

  it('P(1, x) is the exponential CDF and P(k, x) the Erlang CDF', () => {
    expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    const x = 3.7;
    const erlang3 = 1 - Math.exp(-x) * (1 + x + (x * x) / 2);
    expect(gammaP(3, x)).toBeCloseTo(erlang3, 13);
    expect(gammaP(50, 80)).toBeCloseTo(1 - gammaQ50at80(), 12);
  });

  it('the gamma fit is exact for an exponential time', () => {
    expect(gammaFitQuantile({ mean: 2, variance: 4 }, 0.99)).toBeCloseTo(-2 * Math.log(0.01), 9);
    expect(gammaFitQuantile({ mean: 2, variance: 0 }, 0.99)).toBe(2);
    expect(gammaFitQuantile({ mean: Infinity, variance: Infinity }, 0.99)).toBe(Infinity);
  });
});

/** Q(50, 80) by summing the Poisson series, independent of gammaP's continued fraction. */
function gammaQ50at80(): number {
  let term = Math.exp(-80);
  let sum = term;
  for (let k = 1; k < 50; k++) {
    term *= 80 / k;
    sum += term;
  }
  return sum;
}

describe('networks', () => {
  it('an open network of single stations sums M/M/1 residences', () => {
    const net = openNetwork(2, [{ serviceTime: 0.1, visits: 3 }, { serviceTime: 0.2, visits: 1 }, { serviceTime: 1, visits: 1, servers: 'delay' }]);
    const expected = 3 * mm1(6, 10).meanResponse + mm1(2, 5).meanResponse + 1;
    expect(net.responseTime).toBeCloseTo(expected, 12);
    expect(net.population).toBeCloseTo(2 * expected, 12);
  });

  it('MVA with one customer has no queueing, and throughput is bounded by the bottleneck', () => {
    const one = mva(1, [{ demand: 0.3 }, { demand: 0.2 }], 1);
    expect(one.responseTime).toBeCloseTo(0.5, 14);
    const many = mva(500, [{ demand: 0.3 }, { demand: 0.2 }], 1);
    expect(many.throughput).toBeLessThanOrEqual(1 / 0.3 + 1e-9);
    expect(many.throughput).toBeGreaterThan(0.999 / 0.3);
  });

  it('a multi-server station with servers ≥ customers is a pure delay', () => {
    const r = mva(5, [{ demand: 2, servers: 8 }, { demand: 1 }], 0);
    const delay = mva(5, [{ demand: 2, servers: 'delay' }, { demand: 1 }], 0);
    expect(r.throughput).toBeCloseTo(delay.throughput, 12);
  });

  it('multi-class MVA keeps every class\'s population (Little\'s law over the cycle)', () => {
    const r = multiClassMva([3, 2], [[0.2, 0.5, 1], [0.4, 0.1, 0.3]], [{}, { servers: 2 }, { servers: 'delay' }], [1, 2]);
    expect(r.throughput[0] * (1 + r.responseTime[0])).toBeCloseTo(3, 10);
    expect(r.throughput[1] * (2 + r.responseTime[1])).toBeCloseTo(2, 10);
  });
});
