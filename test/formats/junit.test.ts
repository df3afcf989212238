import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, formatJunit } from '../../src/formats/junit.js';
import { emptyInput, exampleInput, NASTY, trackedInput } from './inputs.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

describe('junit format', () => {
  it('writes well-formed XML with one suite per rule that ran and one case per finding', () => {
    const input = exampleInput();
    const suites = parse(formatJunit(input));
    expect(suites.testsuite.map((s: { name: string }) => s.name)).toEqual(input.review.rulesRun);
    const cases = suites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase);
    const failing = input.review.findings.filter((f) => f.status === 'open').length;
    expect(Number(suites.failures)).toBe(failing);
    expect(cases.filter((c: { failure?: unknown }) => c.failure)).toHaveLength(failing);
  });

  it('names each case after the rule and element, with the location and a typed failure', () => {
    const input = trackedInput();
    const suite = parse(formatJunit(input)).testsuite[0];
    const r1 = suite.testcase.find((c: { name: string }) => c.name === 'requirement R1');
    expect(r1.classname).toBe('requirements/unserved-requirement');
    expect(r1.file).toBe('my designs/design 1.yaml');
    expect(r1.failure.type).toBe('warning');
    expect(r1.failure['#text']).toContain('at my designs/design 1.yaml:');
  });

  it('skips findings tracked in risks and fails an expired acceptance', () => {
    const suite = parse(formatJunit(trackedInput())).testsuite[0];
    const state = Object.fromEntries(suite.testcase.map((c: { name: string; failure?: unknown; skipped?: unknown }) =>
      [c.name.split(' ')[1], c.failure ? 'failure' : c.skipped !== undefined ? 'skipped' : 'pass']));
    expect(state).toEqual({ R1: 'failure', R2: 'skipped', R3: 'skipped', R4: 'skipped', R5: 'failure' });
    expect([suite.tests, suite.failures, suite.skipped].map(Number)).toEqual([5, 2, 3]);
  });

  it('escapes markup and quotes and drops characters XML cannot hold', () => {
    const xml = formatJunit(trackedInput());
    const r1 = parse(xml).testsuite[0].testcase.find((c: { name: string }) => c.name === 'requirement R1');
    const expected = NASTY.split('\u0001').join('');
    expect(r1.failure.message).toContain(expected.replace(/\r\n/g, '\n').split('\n')[0]);
    expect(xml).not.toContain('\u0001');
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('lone \uD800 surrogate')).toBe('lone  surrogate');
  });

  it('writes one passing case per rule when there are no findings', () => {
    const suites = parse(formatJunit(emptyInput()));
    expect(suites.testsuite).toHaveLength(1);
    expect(suites.testsuite[0].testcase).toHaveLength(1);
    expect(suites.testsuite[0].testcase[0].failure).toBeUndefined();
    expect([suites.tests, suites.failures].map(Number)).toEqual([1, 0]);
  });
});
