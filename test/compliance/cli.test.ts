import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanup, EXAMPLE, hasStackTrace, ROOT, run, tempDir } from '../cli/run.js';

const WELL_DESIGNED = join(ROOT, 'examples', 'well-designed', 'archwright.yaml');

describe('archwright compliance', () => {
  it('prints the matrix of one regime and exits 1 when a control fails', () => {
    const result = run(['compliance', EXAMPLE, '--regime', 'hipaa']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^# HIPAA control matrix: Bot platform/);
    expect(result.stdout).toContain('| component `teams` | FAIL | teams receives or keeps ePHI (transcript) with no business associate agreement.');
  });

  it('prints every applicable regime as JSON and exits 0 on the well-designed example', () => {
    const result = run(['compliance', WELL_DESIGNED, '--format', 'json']);
    expect(result.code).toBe(0);
    const matrices = JSON.parse(result.stdout) as { regime: string; totals: Record<string, number> }[];
    expect(matrices.map((m) => m.regime)).toEqual(['gdpr', 'hipaa', 'pci']);
    expect(matrices.every((m) => m.totals.fail === 0 && m.totals.gap === 0)).toBe(true);
  });

  it('prints one regime as a JSON object', () => {
    const result = run(['compliance', EXAMPLE, '--regime', 'gdpr', '--format', 'json']);
    const matrix = JSON.parse(result.stdout) as { regime: string; rows: { rule: string; status: string }[] };
    expect(matrix.regime).toBe('gdpr');
    expect(matrix.rows.find((r) => r.rule === 'gdpr/subject-rights')?.status).toBe('fail');
  });

  it('honours --fail-on', () => {
    expect(run(['compliance', EXAMPLE, '--regime', 'hipaa', '--fail-on', 'never']).code).toBe(0);
  });

  it('rejects an unknown regime with exit 2 and no stack trace', () => {
    const result = run(['compliance', EXAMPLE, '--regime', 'sox']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sox');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe('archwright ropa', () => {
  it('prints the record of processing as Markdown and as CSV', () => {
    const md = run(['ropa', EXAMPLE]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Record of processing activities: Bot platform');
    expect(md.stdout).toContain('slack (US): standard contractual clauses (Art. 46(2)(c))');
    const csv = run(['ropa', WELL_DESIGNED, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^Purpose \(b\),Lawful basis,/);
  });

  it('exits 1 with --strict when the record has gaps, and 2 for a missing design', () => {
    expect(run(['ropa', WELL_DESIGNED, '--strict']).code).toBe(0);
    const dir = tempDir({
      'archwright.yaml': 'archwright: 1\nsystem: { name: Bare }\ndata:\n  - { id: email, classification: [personal] }\n',
    });
    try {
      const gaps = run(['ropa', 'archwright.yaml', '--strict'], { cwd: dir });
      expect(gaps.code).toBe(1);
      expect(gaps.stdout).toContain('(f) time limit for erasure of email');
      const missing = run(['ropa', 'no-such-design.yaml'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(hasStackTrace(missing.stderr)).toBe(false);
    } finally {
      cleanup(dir);
    }
  });
});
