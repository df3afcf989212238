/**
 * Seeded random streams for the simulation (pure-rand's xoroshiro128+).
 * Each source of randomness (a workload's arrivals, a component's service
 * times, routing and jitter) draws from its own stream, 2^64 steps apart
 * (`jump`), so a change in one place — a fault, a slower component — leaves
 * the other streams' numbers as they were (common random numbers).
 */
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export class RandomStream {
  private spareNormal = 0;
  private hasSpare = false;

  constructor(private readonly generator: JumpableRandomGenerator) {}

  /** Uniform on [0, 1). */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - uniformFloat64(this.generator));
  }

  /** Standard normal (Marsaglia's polar method; the second value is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniformFloat64(this.generator) - 1;
      v = 2 * uniformFloat64(this.generator) - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/** `count` independent streams from one seed: the first at the seed, each next one jumped 2^64 further. */
export function randomStreams(seed: number, count: number): RandomStream[] {
  const streams: RandomStream[] = [];
  let generator = xoroshiro128plus(seed | 0);
  for (let i = 0; i < count; i++) {
    streams.push(new RandomStream(generator));
    const next = generator.clone();
    next.jump();
    generator = next;
  }
  return streams;
}
