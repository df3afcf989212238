/**
 * The simulator against exact queueing results: its 95% intervals must contain
 * the exact means (M/M/1, M/M/c, M/M/c/K at utilisation ≤ 0.9), and with 10^6
 * customers its M/M/c p95/p99 must be within 2% of the exact percentiles.
 * The published cases come from ../shared/reference/queueing-cases.json.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/capacity/simulate/index.js';
import type { Estimate } from '../../../src/capacity/simulate/index.js';
import { stationDesign } from './designs.js';
import { mmc, mmck, referenceCase } from './exact.js';

const num = (x: unknown) => x as number;

/**
 * One seed for every case. A 95% interval misses the exact value about one
 * time in twenty by construction, so with a few dozen intervals some seed
 * will miss somewhere; the seed is fixed to keep the suite deterministic, and
 * the coverage test at the end checks that misses are about that rare.
 */
const SEED = 42;

function expectInside(estimate: Estimate, exact: number, what: string): void {
  const message = `${what}: exact ${exact} outside the simulated 95% interval [${estimate.low}, ${estimate.high}] (value ${estimate.value})`;
  expect(estimate.low, message).toBeLessThanOrEqual(exact);
  expect(estimate.high, message).toBeGreaterThanOrEqual(exact);
  // An interval so wide that it would contain anything checks nothing.
  expect(estimate.high - estimate.low, `${what}: interval too wide`).toBeLessThan(0.1 * Math.abs(exact) + 1e-3);
}

describe('M/M/1', () => {
  it('matches the LINE README case (λ 0.5, μ 1): mean, utilisation, p95, p99', () => {
    const ref = referenceCase('mm1-line-readme');
    const lambda = num(ref.inputs.lambda_);
    const mu = num(ref.inputs.mu);
    const exact = mmc(lambda, mu, 1);
    expect(exact.meanResponse).toBeCloseTo(num(ref.expected.RespT), 9);
    expect(exact.quantile(0.95)).toBeCloseTo(num(ref.computed.W_p95), 5);

    const result = simulate(stationDesign({ lambda, mu, servers: 1 }), { customers: 300_000, seed: SEED });
    const w = result.workloads[0];
    expectInside(w.latency.mean, num(ref.expected.RespT), 'mean response');
    expectInside(result.components[0].utilisation, num(ref.expected.Util), 'utilisation');
    expectInside(w.latency.p95, num(ref.computed.W_p95), 'p95');
    expectInside(w.latency.p99, num(ref.computed.W_p99), 'p99');
  });

  it('matches the Ciw case (λ 3, μ 5): W = Wq + 1/μ', () => {
    const ref = referenceCase('mm1-ciw-docs');
    const lambda = num(ref.inputs.lambda_);
    const mu = num(ref.inputs.mu);
    const W = num(ref.expected.Wq_theory) + 1 / mu;
    expect(mmc(lambda, mu, 1).meanResponse).toBeCloseTo(W, 12);
    const result = simulate(stationDesign({ lambda, mu, servers: 1 }), { customers: 300_000, seed: SEED });
    expectInside(result.workloads[0].latency.mean, W, 'mean response');
  });

  it('holds at utilisation 0.9', () => {
    const exact = mmc(0.9, 1, 1);
    const result = simulate(stationDesign({ lambda: 0.9, mu: 1, servers: 1 }), { customers: 600_000, seed: SEED });
    expectInside(result.workloads[0].latency.mean, exact.meanResponse, 'mean response');
    expectInside(result.components[0].utilisation, 0.9, 'utilisation');
  });
});

describe('M/M/c', () => {
  for (const [c, rho] of [[3, 0.7], [8, 0.9]] as const) {
    it(`c = ${c} at ρ = ${rho}: mean response and utilisation`, () => {
      const mu = 2;
      const lambda = rho * c * mu;
      const exact = mmc(lambda, mu, c);
      const result = simulate(stationDesign({ lambda, mu, servers: c }), { customers: 400_000, seed: SEED });
      expectInside(result.workloads[0].latency.mean, exact.meanResponse, 'mean response');
      expectInside(result.components[0].utilisation, exact.utilisation, 'utilisation');
    });
  }

  it('M/M/4 at ρ = 0.8 with 10^6 customers: p95 and p99 within 2% of exact, means inside the interval', () => {
    // At 10^6 customers the p99's own 95% interval is ±2–3% here, so the 2% bound
    // holds for about four seeds in five (seeds 8–16 gave p99 errors from −2.0% to
    // +2.1%, two of nine just beyond 2%, mean 0.0%); the seed is the file's one SEED.
    const exact = mmc(3.2, 1, 4);
    const result = simulate(stationDesign({ lambda: 3.2, mu: 1, servers: 4 }), { customers: 1_000_000, seed: SEED });
    const w = result.workloads[0];
    expect(result.started).toBe(1_000_000);
    expect(Math.abs(w.latency.p95.value / exact.quantile(0.95) - 1)).toBeLessThan(0.02);
    expect(Math.abs(w.latency.p99.value / exact.quantile(0.99) - 1)).toBeLessThan(0.02);
    expectInside(w.latency.p95, exact.quantile(0.95), 'p95');
    expectInside(w.latency.p99, exact.quantile(0.99), 'p99');
    expectInside(w.latency.mean, exact.meanResponse, 'mean response');
    expectInside(result.components[0].utilisation, 0.8, 'utilisation');
  });
});

describe('M/M/c/K (queue limits drop arrivals)', () => {
  it('M/M/1/K from JSIM (K 4): drop probability, response time, utilisation', () => {
    const ref = referenceCase('mm1k-jsim-indices');
    const lambda = num(ref.inputs.lambda_);
    const mu = num(ref.inputs.mu);
    const K = num(ref.inputs.K);
    const exact = mmck(lambda, mu, 1, K);
    expect(exact.pK).toBeCloseTo(num(ref.computed.drop_rate), 5);
    expect(exact.meanResponse).toBeCloseTo(num(ref.computed.R), 5);

    const result = simulate(stationDesign({ lambda, mu, servers: 1, waiting: K - 1 }), { customers: 300_000, seed: SEED });
    const station = result.components[0];
    expectInside(station.dropProbability, exact.pK, 'drop probability');
    expectInside(result.workloads[0].errorRate, exact.pK, 'failed requests');
    expectInside(result.workloads[0].latency.mean, exact.meanResponse, 'mean response of admitted');
    expectInside(station.utilisation, exact.utilisation, 'utilisation');
  });

  const ref = referenceCase('mmck-octave-tests');
  const cases = ref.inputs.cases as { lambda_: number; mu: number; c: number; K: number }[];
  const computed = (ref.computed.cases as Record<string, number>[]);
  cases.forEach((k, i) => {
    it(`Octave qsmmmk case ${i + 1} (λ ${k.lambda_}, μ ${k.mu}, c ${k.c}, K ${k.K})`, () => {
      const exact = mmck(k.lambda_, k.mu, k.c, k.K);
      expect(exact.pK).toBeCloseTo(computed[i].pK, 5);
      expect(exact.meanResponse).toBeCloseTo(computed[i].R, 5);
      expect(exact.utilisation).toBeLessThanOrEqual(0.9);

      const result = simulate(stationDesign({ lambda: k.lambda_, mu: k.mu, servers: k.c, waiting: k.K - k.c }), { customers: 300_000, seed: SEED });
      const station = result.components[0];
      expectInside(station.dropProbability, exact.pK, 'drop probability');
      expectInside(result.workloads[0].latency.mean, exact.meanResponse, 'mean response of admitted');
      expectInside(station.utilisation, exact.utilisation, 'utilisation');
    });
  });
});

describe('the intervals are honest', () => {
  it('cover the exact M/M/1 mean in most of 60 independent short runs', () => {
    const design = stationDesign({ lambda: 0.5, mu: 1, servers: 1 });
    const exact = mmc(0.5, 1, 1).meanResponse;
    let inside = 0;
    let widthSum = 0;
    const runs = 60;
    for (let seed = 1; seed <= runs; seed++) {
      const mean = simulate(design, { customers: 20_000, seed }).workloads[0].latency.mean;
      if (mean.low <= exact && exact <= mean.high) inside++;
      widthSum += mean.high - mean.low;
    }
    // Batch means with 20k customers cover about 90% here (nominal 95%); far less would mean the intervals are too narrow.
    expect(inside / runs).toBeGreaterThanOrEqual(0.82);
    expect(widthSum / runs).toBeLessThan(0.2 * exact);
  });
});
