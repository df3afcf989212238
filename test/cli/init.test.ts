import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { promptAnswers } from '../../src/cli/commands/init.js';
import { UsageError } from '../../src/cli/shared.js';
import { AnswerError, parseBudget, parseDeadline, parseRegimes, parseUsers } from '../../src/init/answers.js';
import { starterDesign, type StarterAnswers } from '../../src/init/starter.js';
import { loadDesign } from '../../src/model/load.js';
import { memoryHost } from '../helpers.js';
import { checkJson, cleanup, hasStackTrace, ROOT, run, tempDir } from './run.js';

const dirs: string[] = [];
function project(files: Record<string, string> = {}): string {
  const dir = tempDir(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(cleanup));

const FLAGS = [
  '--name', 'Bot platform', '--purpose', 'One bot engine for every chat platform.',
  '--functions', 'route messages,keep user profiles', '--scope-out', 'voice calls',
  '--users', 'end-user:Chat users,developer:Bot developers', '--budget', '4000 EUR',
  '--deadline', '2027-06-30', '--engineers', '4', '--compliance', 'gdpr,hipaa',
];

describe('archwright init --yes', () => {
  it('writes a starter design from the flags that check reviews without errors', () => {
    const cwd = project();
    const result = run(['init', '--yes', ...FLAGS], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('wrote archwright.yaml');
    const text = readFileSync(join(cwd, 'archwright.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://archwright.dev/schema/archwright.schema.json');

    const { design } = loadDesign('archwright.yaml', memoryHost({ 'archwright.yaml': text }));
    expect(design!.system).toMatchObject({
      name: 'Bot platform', purpose: 'One bot engine for every chat platform.',
      scope: { in: ['route messages', 'keep user profiles'], out: ['voice calls'] },
      constraints: { budget: { monthly: 4000, currency: 'EUR' }, deadline: '2027-06-30', engineers: 4 },
      compliance: ['gdpr', 'hipaa'],
    });
    expect(design!.users.map((u) => [u.id, u.kind])).toEqual([['chat-users', 'end-user'], ['bot-developers', 'developer']]);
    expect(design!.requirements.map((r) => r.text)).toEqual(['route messages', 'keep user profiles']);

    const review = checkJson([], { cwd });
    expect(review.summary.error).toBe(0);
    expect(review.code).toBe(0);
    // What is still missing is what the findings say: nothing serves the functions yet.
    expect(review.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['requirements/unserved-requirement@R1', 'requirements/unserved-requirement@R2']));
  });

  it('writes a design with defaults alone, named after the folder', () => {
    const cwd = project();
    expect(run(['init', '--yes', 'designs/new.yaml'], { cwd }).code).toBe(0);
    const { design, errors } = loadDesign('new.yaml', memoryHost({ 'new.yaml': readFileSync(join(cwd, 'designs/new.yaml'), 'utf8') }));
    expect(errors).toEqual([]);
    expect(design!.system.name).toBe('Designs');
    expect(design!.users.map((u) => u.kind)).toEqual(['end-user']);
    expect(checkJson(['designs/new.yaml'], { cwd }).summary.error).toBe(0);
  });

  it('points editors at the shipped schema by a relative path inside this project', () => {
    const dir = `.archwright-tmp-init-${process.pid}`;
    dirs.push(join(ROOT, dir));
    expect(run(['init', '--yes', `${dir}/archwright.yaml`], { cwd: ROOT }).code).toBe(0);
    const first = readFileSync(join(ROOT, dir, 'archwright.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schema/archwright.schema.json');
    expect(existsSync(join(ROOT, dir, '../schema/archwright.schema.json'))).toBe(true);
  });

  it('refuses to overwrite an existing file without --force, and overwrites with it', () => {
    const cwd = project({ 'archwright.yaml': '# mine\n' });
    const refused = run(['init', '--yes'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('archwright.yaml already exists: pass --force to overwrite it');
    expect(readFileSync(join(cwd, 'archwright.yaml'), 'utf8')).toBe('# mine\n');
    expect(run(['init', '--yes', '--force', '--name', 'Forced'], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, 'archwright.yaml'), 'utf8')).toContain('name: Forced');
    expect(readdirSync(cwd)).toEqual(['archwright.yaml']);
  });

  it('refuses a folder as the file to write', () => {
    const cwd = project({ 'designs/keep.txt': '' });
    const result = run(['init', '--yes', 'designs'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('designs is a folder');
  });

  it('asks for --yes when there is no terminal to prompt on, and writes nothing', () => {
    const cwd = project();
    const result = run(['init'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass --yes');
    expect(existsSync(join(cwd, 'archwright.yaml'))).toBe(false);
  });

  it.each([
    [['--compliance', 'gdp'], 'unknown regime (did you mean "gdpr"?)'],
    [['--deadline', '2027-02-30'], 'deadline "2027-02-30": expected a date as YYYY-MM-DD'],
    [['--engineers', 'four'], 'engineers "four": expected a whole number'],
    [['--budget', 'lots'], 'budget "lots": expected a monthly amount'],
    [['--users', 'robot'], 'unknown kind "robot"'],
  ])('exits 2 on a bad flag value %j', (flags, message) => {
    const cwd = project();
    const result = run(['init', '--yes', ...flags], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(existsSync(join(cwd, 'archwright.yaml'))).toBe(false);
  });
});

describe('archwright init prompts', () => {
  const defaults: StarterAnswers = { name: 'Shop', functions: [], scopeIn: [], scopeOut: [], users: [{ kind: 'end-user' }], compliance: [] };

  async function answer(lines: string[], end = true) {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += chunk));
    const pending = promptAnswers(input, output, defaults);
    for (const line of lines) input.write(`${line}\n`);
    if (end) input.end();
    return { answers: await pending, printed: () => printed };
  }

  it('asks the research questions in order, keeping defaults on Enter', async () => {
    const { answers, printed } = await answer([
      '', 'Sell things online.', 'end-user:Shoppers, operator', 'take orders, take payments', '', 'returns', '2500', '2027-01-15', '3', 'gdpr',
    ]);
    expect(answers).toEqual({
      name: 'Shop', purpose: 'Sell things online.', users: [{ kind: 'end-user', name: 'Shoppers' }, { kind: 'operator', name: undefined }],
      functions: ['take orders', 'take payments'], scopeIn: ['take orders', 'take payments'], scopeOut: ['returns'],
      budget: { monthly: 2500, currency: 'USD' }, deadline: '2027-01-15', engineers: 3, compliance: ['gdpr'],
    });
    expect(printed()).toMatch(/System name \[Shop\]: .*Purpose.*Users.*Key functions.*In scope.*out of scope.*budget.*Deadline.*Engineers.*Compliance/s);
  });

  it('explains a bad answer and asks again', async () => {
    const { answers, printed } = await answer(['', '', '', '', '', '', '', '2027-13-01', '2027-12-01', '', 'hipa', 'hipaa']);
    expect(answers.deadline).toBe('2027-12-01');
    expect(answers.compliance).toEqual(['hipaa']);
    expect(printed()).toContain('deadline "2027-13-01": expected a date as YYYY-MM-DD');
    expect(printed()).toContain('did you mean "hipaa"?');
  });

  it('stops with a usage error, writing nothing, when input ends early', async () => {
    await expect(answer(['Shop', 'A purpose.'])).rejects.toBeInstanceOf(UsageError);
  });
});

describe('starter design text', () => {
  it('reads back exactly what was answered, whatever the characters', () => {
    // YAML's punctuation, any Unicode grapheme, and plain ASCII: what people type, and what breaks quoting.
    const char = fc.oneof(
      fc.constantFrom(...'-:#,[]{}&*!|>\'"%@`?~'.split('')),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit: char, minLength: 1, maxLength: 40 }).map((s) => s.trim()).filter((s) => s.length > 0);
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), fc.array(text, { maxLength: 4 }), (name, purpose, functions) => {
        const answers: StarterAnswers = { name, purpose, functions, scopeIn: functions, scopeOut: ['yes', 'null', '#1: no'], users: [{ kind: 'end-user', name }], compliance: ['gdpr'] };
        const result = loadDesign('d.yaml', memoryHost({ 'd.yaml': starterDesign(answers, { schemaRef: 's.json' }) }));
        expect(result.errors).toEqual([]);
        expect(result.design!.system.name).toBe(name);
        expect(result.design!.system.purpose).toBe(purpose);
        expect(result.design!.system.scope!.out).toEqual(['yes', 'null', '#1: no']);
        expect(result.design!.requirements.map((r) => r.text)).toEqual(functions);
      }),
      { numRuns: 200 },
    );
  });

  it('parses answers strictly', () => {
    expect(parseBudget('4,000 eur/month')).toEqual({ monthly: 4000, currency: 'EUR' });
    expect(parseDeadline('2028-02-29')).toBe('2028-02-29');
    expect(() => parseDeadline('2027-02-29')).toThrow(AnswerError);
    expect(parseRegimes('GDPR, none, gdpr')).toEqual(['gdpr']);
    expect(parseUsers('developer:Partners: API users')).toEqual([{ kind: 'developer', name: 'Partners: API users' }]);
  });
});
