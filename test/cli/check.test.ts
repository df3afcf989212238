import { afterAll, describe, expect, it } from 'vitest';
import { checkJson, cleanup, EXAMPLE, hasStackTrace, ROOT, run, tempDir } from './run.js';

const UNSERVED = 'requirements/unserved-requirement';

/** R2 is served by no component: requirements/unserved-requirement fires on it, whatever else fires. */
function smallDesign(extra = ''): string {
  return `archwright: 1
system: { name: Small, purpose: Testing the CLI., constraints: { engineers: 2 } }
users:
  - { id: people, kind: end-user, uses: [api] }
requirements:
  - { id: R1, kind: function, text: Do one thing. }
  - { id: R2, kind: function, text: Do another thing. }
components:
  - { id: api, kind: service, serves: [R1] }
${extra}`;
}

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = tempDir(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(cleanup));

describe('archwright check: exit codes', () => {
  it('exits 1 when an open finding reaches --fail-on (default error) and 0 with --fail-on never', () => {
    const cwd = project({ 'archwright.yaml': smallDesign() });
    const asError = checkJson(['--rule', `${UNSERVED}=error`], { cwd });
    expect(asError.findings.find((f) => f.id === `${UNSERVED}@R2`)).toMatchObject({ severity: 'error', status: 'open' });
    expect(asError.code).toBe(1);
    expect(checkJson(['--rule', `${UNSERVED}=error`, '--fail-on', 'never'], { cwd }).code).toBe(0);
  });

  it('exits 0 once the rules that found errors are turned off with --rule id=off', () => {
    const first = checkJson([EXAMPLE]);
    const erroring = [...new Set(first.findings.filter((f) => f.severity === 'error' && f.status === 'open').map((f) => f.rule))];
    expect(first.code).toBe(erroring.length > 0 ? 1 : 0);
    const second = checkJson([EXAMPLE, ...erroring.flatMap((id) => ['--rule', `${id}=off`])]);
    expect(second.summary.error).toBe(0);
    expect(second.findings.filter((f) => erroring.includes(f.rule))).toEqual([]);
    expect(second.rulesRun).toBe(first.rulesRun - erroring.length);
    expect(second.code).toBe(0);
  });

  it('honours --fail-on warning and info against the severity a --rule gives a finding', () => {
    const cwd = project({ 'archwright.yaml': smallDesign() });
    expect(checkJson(['--rule', `${UNSERVED}=warning`, '--fail-on', 'warning'], { cwd }).code).toBe(1);
    const asInfo = checkJson(['--rule', `${UNSERVED}=info`, '--fail-on', 'info'], { cwd });
    expect(asInfo.findings.find((f) => f.id === `${UNSERVED}@R2`)!.severity).toBe('info');
    expect(asInfo.code).toBe(1);
  });

  it('takes rule settings and failOn from checks: in the design, with the command line winning', () => {
    const cwd = project({ 'archwright.yaml': smallDesign(`checks:\n  failOn: never\n  rules:\n    ${UNSERVED}: error\n`) });
    const fromDesign = checkJson([], { cwd });
    expect(fromDesign.findings.find((f) => f.id === `${UNSERVED}@R2`)!.severity).toBe('error');
    expect(fromDesign.code).toBe(0);
    expect(checkJson(['--fail-on', 'error'], { cwd }).code).toBe(1);
    const off = checkJson(['--rule', `${UNSERVED}=off`], { cwd });
    expect(off.findings.some((f) => f.rule === UNSERVED)).toBe(false);
  });

  it('exits 2 for an unknown rule in checks.rules, with the nearest rule suggested', () => {
    const cwd = project({ 'archwright.yaml': smallDesign(`checks:\n  rules:\n    requirements/unserved-requirment: off\n`) });
    const result = run(['check'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/archwright\.yaml:\d+:\d+: checks\.rules: unknown rule "requirements\/unserved-requirment" \(did you mean "requirements\/unserved-requirement"\?\)/);
  });
});

describe('archwright check: risks', () => {
  const risk = (status: string, until?: string) => smallDesign(`risks:
  - finding: ${UNSERVED}@R2
    status: ${status}
    by: Ana
    why: The second thing ships in phase two.${until ? `\n    until: ${until}` : ''}
`);

  it.each(['accepted', 'mitigated', 'false-positive'])('tracks a %s finding: not open, not counted towards the exit code', (status) => {
    const cwd = project({ 'archwright.yaml': risk(status) });
    const tracked = checkJson(['--rule', `${UNSERVED}=error`, '--today', '2026-06-01'], { cwd });
    const finding = tracked.findings.find((f) => f.id === `${UNSERVED}@R2`)!;
    expect(finding.status).toBe(status);
    expect(finding.statusNote).toContain('Ana');
    expect(tracked.summary.tracked).toBeGreaterThanOrEqual(1);
    expect(tracked.code).toBe(tracked.summary.error > 0 ? 1 : 0);
    const stylish = run(['check', '--rule', `${UNSERVED}=error`, '--today', '2026-06-01'], { cwd });
    expect(stylish.stdout).toContain(`status: ${status} by Ana`);
  });

  it('reopens a finding whose acceptance expired before --today', () => {
    const cwd = project({ 'archwright.yaml': risk('accepted', '2027-01-31') });
    const before = checkJson(['--rule', `${UNSERVED}=error`, '--today', '2027-01-31'], { cwd });
    const after = checkJson(['--rule', `${UNSERVED}=error`, '--today', '2027-02-01'], { cwd });
    expect(before.findings.find((f) => f.id === `${UNSERVED}@R2`)!.status).toBe('accepted');
    const reopened = after.findings.find((f) => f.id === `${UNSERVED}@R2`)!;
    expect(reopened.status).toBe('open');
    expect(reopened.statusNote).toMatch(/expired/);
    expect(after.summary.error).toBe(before.summary.error + 1);
    expect(after.code).toBe(1);
  });

  it('exits 2 on a --today that is not a date', () => {
    const cwd = project({ 'archwright.yaml': risk('accepted') });
    const result = run(['check', '--today', 'tomorrow'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--today tomorrow: expected YYYY-MM-DD');
  });
});

describe('archwright check: output', () => {
  const ESC = '\u001b[';

  it('prints no colour codes when stdout is not a terminal, or when NO_COLOR is set', () => {
    const cwd = project({ 'archwright.yaml': smallDesign() });
    const plain = run(['check'], { cwd });
    expect(plain.stdout).toContain(`${UNSERVED}`);
    expect(plain.stdout).not.toContain(ESC);
    expect(run(['check'], { cwd, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    // The check above can fail: forcing colour does print escape codes.
    expect(run(['check'], { cwd, env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
  });

  it('prints errors on stderr without colour codes or a stack trace', () => {
    const cwd = project({ 'archwright.yaml': 'archwright: 1\nsystem: { name: S }\ncomponents: none\n' });
    const result = run(['check'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(ESC);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  let exampleCode: number | null | undefined;
  it.each(['stylish', 'json', 'sarif', 'markdown', 'junit', 'github'])('exits the same way in the %s format', (format) => {
    exampleCode ??= checkJson([EXAMPLE]).code;
    const expected = exampleCode;
    const result = run(['check', EXAMPLE, '--format', format]);
    expect(result.code).toBe(expected);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stderr).toBe('');
  });

  it('writes SARIF and annotations with paths relative to the working folder, with forward slashes', () => {
    const sarif = JSON.parse(run(['check', EXAMPLE, '-f', 'sarif'], { cwd: ROOT }).stdout);
    const uris = new Set(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0].physicalLocation.artifactLocation.uri));
    for (const uri of uris) expect(uri).toMatch(/^examples\/bot-platform\/\w+\.yaml$/);
    const github = run(['check', 'archwright.yaml', '-f', 'github'], { cwd: `${ROOT}/examples/bot-platform` }).stdout;
    expect(github).toMatch(/^::(error|warning|notice) file=archwright\.yaml,line=\d+,col=\d+,/m);
  });

  it('exits 2 on a format it does not know, naming the ones it does', () => {
    const result = run(['check', EXAMPLE, '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/'xml' is invalid.*stylish, json, sarif, markdown, junit, github/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 2 on an unknown --rule id, suggesting the nearest, and on a malformed one', () => {
    const typo = run(['check', EXAMPLE, '--rule', 'requirements/unserved-requirment=off']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown rule "requirements/unserved-requirment" (did you mean "requirements/unserved-requirement"?)');
    const malformed = run(['check', EXAMPLE, '--rule', 'requirements/unserved-requirement']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('expected id=off|info|warning|error');
  });

  it('reviews ./archwright.yaml when no design is named', () => {
    const result = run(['check', '--format', 'json'], { cwd: `${ROOT}/examples/bot-platform` });
    expect(JSON.parse(result.stdout).design).toBe('archwright.yaml');
  });
});

// The bundled CLI loads tinyglobby and protobufjs only when a design needs them (scripts/bundle.js).
describe('archwright check: what only some designs need', () => {
  it('reads the files an include glob matches', () => {
    const cwd = project({
      'archwright.yaml': smallDesign().replace('archwright: 1\n', 'archwright: 1\ninclude: ["parts/*.yaml"]\n'),
      'parts/worker.yaml': 'components:\n  - { id: worker, kind: job, serves: [R2] }\n',
    });
    const report = checkJson([], { cwd });
    expect(report.findings.map((f) => f.id)).not.toContain(`${UNSERVED}@R2`);
    expect(checkJson([], { cwd: project({ 'archwright.yaml': smallDesign() }) }).findings.map((f) => f.id)).toContain(`${UNSERVED}@R2`);
  });

  it('parses a .proto contract, and reports where one cannot be parsed', () => {
    const design = smallDesign().replace('serves: [R1] }', 'serves: [R1], exposes: [{ protocol: grpc, contract: api.proto }] }');
    const broken = checkJson([], { cwd: project({ 'archwright.yaml': design, 'api.proto': 'syntax = "proto3";\nservice Api {\n' }) });
    const finding = broken.findings.find((f) => f.rule === 'contracts/unparseable-contract');
    expect(finding?.message).toMatch(/api\.proto:\d+:\d+: protobuf syntax error/);
    const valid = 'syntax = "proto3";\npackage a;\nmessage Q {}\nservice Api { rpc Get(Q) returns (Q); }\n';
    const parsed = checkJson([], { cwd: project({ 'archwright.yaml': design, 'api.proto': valid }) });
    expect(parsed.findings.map((f) => f.rule)).not.toContain('contracts/unparseable-contract');
  });
});
