// Whole-process figures for the benchmarks, from /usr/bin/time: wall and CPU
// seconds and peak resident memory of one run of a command.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function requireTime() {
  if (!existsSync('/usr/bin/time')) {
    console.error('bench needs /usr/bin/time (Debian package "time")');
    process.exit(2);
  }
}

/** Runs `args` once under /usr/bin/time. */
export function timeProcess(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, user, sys, cpu: user + sys, mb: kb / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
