import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, formatSarif } from '../../src/formats/sarif.js';
import { loadDesign } from '../../src/model/load.js';
import { review } from '../../src/rules/engine.js';
import unservedRequirement from '../../src/rules/packs/requirements/unserved-requirement.js';
import { memoryHost, yamlOf } from '../helpers.js';
import { emptyInput, exampleInput, TODAY, trackedInput } from './inputs.js';

/**
 * The official SARIF 2.1.0 schema (draft-07), with the one erratum the OASIS Standard made to
 * the committee copy: the suppression property is `status`, not `state` (sarif-spec #449).
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const suppression = schema.definitions.suppression.properties;
  suppression.status = { ...suppression.state, description: 'A string that indicates the review status of the suppression.' };
  delete suppression.state;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function expectValid(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

describe('sarif format', () => {
  it('writes valid SARIF 2.1.0 for the bundled example, one result per finding', () => {
    const input = exampleInput();
    const log = expectValid(formatSarif(input));
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('archwright');
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(input.rules.map((r) => r.id));
    expect(run.results).toHaveLength(input.review.findings.length);
    expect(input.review.findings.length).toBeGreaterThan(0);
    run.results!.forEach((result, i) => {
      const finding = input.review.findings[i];
      expect(run.tool.driver.rules![result.ruleIndex!].id).toBe(result.ruleId);
      expect(result.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: finding.id });
      const physical = result.locations![0].physicalLocation!;
      expect(physical.artifactLocation!.uri).toMatch(/^examples\/bot-platform\/[a-z]+\.yaml$/);
      expect(physical.region).toEqual({ startLine: finding.location!.line, startColumn: finding.location!.column });
    });
  });

  it('describes each rule with its metadata, a help link and its default level', () => {
    const input = exampleInput();
    const [rule] = JSON.parse(formatSarif(input)).runs[0].tool.driver.rules as Sarif.ReportingDescriptor[];
    const meta = input.rules[0];
    expect(rule.shortDescription!.text).toBe(meta.summary);
    expect(rule.fullDescription!.text).toBe(meta.rationale);
    expect(rule.help!.text).toContain(meta.fix);
    expect(rule.helpUri).toMatch(new RegExp(`^https://.+/${meta.id}$`));
    expect(rule.defaultConfiguration!.level).toBe(meta.severity === 'info' ? 'note' : meta.severity);
  });

  it('marks accepted, mitigated and false-positive findings as suppressed, and not an expired acceptance', () => {
    const log = expectValid(formatSarif(trackedInput()));
    const byRequirement = new Map(log.runs[0].results!.map((r) => [r.partialFingerprints![FINGERPRINT_KEY].split('@')[1], r]));
    for (const id of ['R2', 'R3', 'R4']) {
      expect(byRequirement.get(id)!.suppressions).toEqual([
        expect.objectContaining({ kind: 'inSource', status: 'accepted', justification: expect.stringContaining('Ana <ana@example.com>') }),
      ]);
    }
    expect(byRequirement.get('R1')!.suppressions).toBeUndefined();
    expect(byRequirement.get('R5')!.suppressions).toBeUndefined();
    expect(byRequirement.get('R5')!.properties!.statusNote).toMatch(/expired/);
  });

  it('percent-encodes the path as a relative URI reference with forward slashes', () => {
    const log = expectValid(formatSarif(trackedInput()));
    const uris = log.runs[0].results!.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri);
    expect(new Set(uris)).toEqual(new Set(['my%20designs/design%201.yaml']));
    expect(log.runs[0].artifacts![0].location!.uri).toBe('my%20designs/design%201.yaml');
  });

  it('is checked by a validator that rejects what SARIF does not allow', () => {
    const log = JSON.parse(formatSarif(trackedInput()));
    log.runs[0].results[0].level = 'info';
    log.runs[0].results[1].suppressions[0].status = 'approved';
    expect(validate(log)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/1/suppressions/0/status']),
    );
  });

  it('writes a valid log with an empty result list when there are no findings', () => {
    const log = expectValid(formatSarif(emptyInput()));
    expect(log.runs[0].results).toEqual([]);
  });

  it('keeps the fingerprint when edits move the finding to another line', () => {
    const doc = {
      archwright: 1,
      system: { name: 'S', purpose: 'P.', constraints: { engineers: 1 } },
      requirements: [{ id: 'R1', kind: 'function', text: 'Do it.' }],
    };
    const sarifOf = (text: string) => {
      const design = loadDesign('d.yaml', memoryHost({ 'd.yaml': text })).design!;
      const rules = [unservedRequirement];
      return JSON.parse(formatSarif({ design, review: review(design, rules, { today: TODAY }), rules })).runs[0].results[0] as Sarif.Result;
    };
    const before = sarifOf(yamlOf(doc));
    const after = sarifOf(`# a comment\n# and another\n\n${yamlOf(doc)}`);
    expect(after.locations![0].physicalLocation!.region!.startLine).toBe(before.locations![0].physicalLocation!.region!.startLine + 3);
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });
});
