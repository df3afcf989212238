/**
 * Erlang's loss and delay formulas for c identical servers offered a erlangs
 * (a = λ/μ). Both stay accurate for thousands of servers: they use the
 * Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which never forms
 * a^c or c! and so never overflows.
 */

/**
 * Erlang B: the probability that an arrival finds all `servers` busy in an
 * M/M/c/c loss system (no waiting room) offered `offered` erlangs.
 */
export function erlangB(servers: number, offered: number): number {
  checkServers(servers);
  if (!(offered >= 0)) throw new RangeError(`offered load must be ≥ 0, got ${offered}`);
  if (servers === 0) return 1;
  if (offered === 0) return 0;
  // Terms of 1/B(c) = Σ_j c!/(j!·a^(c−j)) with j far below min(c, a) are below
  // e^-50 of the sum (a Poisson tail bound), so the recursion may start there with B = 1.
  const start = Math.max(0, Math.floor(Math.min(servers, offered) - 10 * Math.sqrt(offered) - 10));
  if (servers - start > 300) return erlangBLarge(servers, offered);
  let b = 1;
  for (let k = start + 1; k <= servers; k++) b = (offered * b) / (k + offered * b);
  return b;
}

/**
 * Erlang B for many servers in O(√c) rather than O(c): B = p(c)/P(X ≤ c) for
 * X ~ Poisson(a).
 * - a ≥ c: 1/B = Σ_j Π_{i<j} (c−i)/a, a series whose terms shrink;
 * - a < c: 1/B = 1/p(c) − P(X > c)/p(c), the upper tail summed as
 *   (a/(c+1))·Σ_n Π_{i=2}^{n+1} a/(c+i), with p(c) from Loader's saddle-point
 *   formula (as R's dpois), accurate to about 1e-14 relative.
 */
function erlangBLarge(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  if (a >= c) {
    for (let j = 0; j <= c && term > sum * 1e-17; j++) {
      sum += term;
      term *= (c - j) / a;
    }
    return 1 / sum;
  }
  for (let i = 2; term > sum * 1e-17; i++) {
    sum += term;
    term *= a / (c + i);
  }
  const pmf = poissonPmf(c, a);
  if (pmf === 0) return 0;
  return 1 / (1 / pmf - (a / (c + 1)) * sum);
}

/** Poisson probability P(X = x) for mean λ (x ≥ 1), by Loader's saddle-point method. */
function poissonPmf(x: number, lambda: number): number {
  return Math.exp(-stirlingError(x) - deviance(x, lambda)) / Math.sqrt(2 * Math.PI * x);
}

/** ln(x!) − [(x + ½)·ln x − x + ½·ln 2π] for whole x ≥ 1. */
function stirlingError(n: number): number {
  if (n <= 15) {
    let lf = 0;
    for (let k = 2; k <= n; k++) lf += Math.log(k);
    return lf - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
  }
  const nn = n * n;
  const S0 = 1 / 12, S1 = 1 / 360, S2 = 1 / 1260, S3 = 1 / 1680, S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** x·ln(x/m) + m − x, without cancellation when x ≈ m. */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v * v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue offered
 * `offered` erlangs; 1 when the queue is unstable (offered ≥ servers).
 */
export function erlangC(servers: number, offered: number): number {
  checkServers(servers);
  if (servers === 0 || offered >= servers) return 1;
  if (offered <= 0) return 0;
  const b = erlangB(servers, offered);
  const rho = offered / servers;
  return b / (1 - rho * (1 - b));
}

/** The largest offered load (erlangs) that `servers` carry with blocking at most `blocking`. */
export function offeredLoadForBlocking(servers: number, blocking: number): number {
  checkServers(servers);
  if (!(blocking > 0 && blocking < 1)) throw new RangeError(`blocking must be in (0, 1), got ${blocking}`);
  let lo = 0;
  let hi = Math.max(1, servers);
  while (erlangB(servers, hi) < blocking) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (erlangB(servers, mid) < blocking) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The fewest servers that carry `offered` erlangs with blocking at most `blocking`. */
export function serversForBlocking(offered: number, blocking: number): number {
  if (!(blocking > 0 && blocking < 1)) throw new RangeError(`blocking must be in (0, 1), got ${blocking}`);
  if (offered <= 0) return 0;
  // B(c) falls as c grows; the recursion visits every c once, so this is O(answer).
  let b = 1;
  for (let c = 1; ; c++) {
    b = (offered * b) / (c + offered * b);
    if (b <= blocking) return c;
  }
}

function checkServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number ≥ 0, got ${servers}`);
}
