/** `archwright capacity`, spawned as users run it (dist/ is built by the global setup). */
import { describe, expect, it } from 'vitest';
import { analyseCapacity } from '../../src/capacity/analyse.js';
import { applyWhatIf, parseWhatIf } from '../../src/capacity/what-if.js';
import { loadDesign } from '../../src/model/load.js';
import { nodeHost } from '../../src/io/node-host.js';
import { EXAMPLE, hasStackTrace, run } from '../cli/run.js';

function example() {
  const result = loadDesign(EXAMPLE, nodeHost);
  if (!result.design) throw new Error('the example does not load');
  return result.design;
}

/** What the CLI's JSON should hold: the library's report, through JSON (unbounded → null). */
function expectedJson(month = 0, whatIf: string[] = []) {
  const changes = whatIf.map((t) => {
    const r = parseWhatIf(t);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  });
  const report = analyseCapacity(applyWhatIf(example(), changes).design, { month });
  return JSON.parse(JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
}

describe('archwright capacity', () => {
  it('prints tables per component, per workload and per month', () => {
    const r = run(['capacity', EXAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const heading of ['Components at today\'s peak', 'Workloads', 'Growth by month']) expect(r.stdout).toContain(heading);
    for (const c of analyseCapacity(example()).components.filter((c) => c.modelled)) expect(r.stdout).toMatch(new RegExp(`^${c.id} `, 'm'));
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('prints the library\'s report as JSON', () => {
    const r = run(['capacity', EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedJson());
  });

  it('shows a chosen month and applies what-if changes, several after one flag', () => {
    const changes = ['growth=20%', 'instances.bot-engine=2..40', 'serviceTime.users-db=2ms'];
    const r = run(['capacity', EXAMPLE, '--format', 'json', '--month', '6', '--what-if', ...changes]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual(expectedJson(6, changes));
    expect(json.month).toBe(6);
    expect(json.components.find((c: { id: string }) => c.id === 'bot-engine').instancesMax).toBe(40);
  });

  it('takes the design after the what-if list too', () => {
    const r = run(['capacity', '--format', 'json', '--what-if', 'peakFactor=1', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedJson(0, ['peakFactor=1']));
  });

  it('prints Markdown', () => {
    const r = run(['capacity', EXAMPLE, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Capacity/);
    expect(r.stdout).toMatch(/^\| component \| instances \|/m);
  });

  it('exits 1 when a component is saturated in the month shown', () => {
    const r = run(['capacity', EXAMPLE, '--what-if', 'instances.bot-engine=2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bot-engine saturates in month 0/);
  });

  it('exits 2 with the nearest key or id for a bad what-if, never a stack trace', () => {
    const key = run(['capacity', EXAMPLE, '--what-if', 'grwoth=20%']);
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/unknown key "grwoth" \(did you mean "growth"\?\)/);
    const id = run(['capacity', EXAMPLE, '--what-if', 'instances.user-servce=6']);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/unknown component "user-servce" \(did you mean "user-service"\?\)/);
    const month = run(['capacity', EXAMPLE, '--month', 'soon']);
    expect(month.code).toBe(2);
    for (const r of [key, id, month]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('exits 2 with a location when the design is unusable', () => {
    const r = run(['capacity', 'no-such-design.yaml']);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
