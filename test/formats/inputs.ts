/** Format inputs for the format tests: the bundled example, an empty review, and awkward text. */
import { nodeHost, toDesignPath } from '../../src/io/node-host.js';
import { loadDesign } from '../../src/model/load.js';
import { review } from '../../src/rules/engine.js';
import { allRules } from '../../src/rules/index.js';
import unservedRequirement from '../../src/rules/packs/requirements/unserved-requirement.js';
import type { FormatInput } from '../../src/formats/types.js';
import { memoryHost, yamlOf } from '../helpers.js';

export const TODAY = new Date('2026-06-01T00:00:00Z');

export function exampleInput(): FormatInput {
  const result = loadDesign(toDesignPath('examples/bot-platform/archwright.yaml'), nodeHost);
  if (!result.design) throw new Error(JSON.stringify(result.errors));
  return { design: result.design, review: review(result.design, allRules, { today: TODAY }), rules: allRules, cwd: process.cwd() };
}

/** Text that every format must escape: markup, quotes, percent, separators, control characters, newlines. */
export const NASTY = 'Handle <b>"quoted" & \'single\'</b> 100% of calls, a:b | *x* _y_ `z` ]]> \u0001 and\r\nnext line';

/**
 * A design (in a folder with a space) whose four requirements nobody serves: R1 open with a nasty
 * text, R2 accepted, R3 mitigated, R4 false-positive, R5 accepted until a day already past.
 */
export function trackedInput(): FormatInput {
  const file = 'my designs/design 1.yaml';
  const requirement = (id: string, text = `Requirement ${id}.`) => ({ id, kind: 'function', text });
  const risk = (id: string, status: string, until?: string) => ({
    finding: `requirements/unserved-requirement@${id}`, status, by: 'Ana <ana@example.com>', why: `Reason, with: "quotes" & 50% for ${id}`, ...(until ? { until } : {}),
  });
  const text = yamlOf({
    archwright: 1,
    system: { name: 'Shop <&> "one"', purpose: 'Testing.', constraints: { engineers: 2 } },
    requirements: [requirement('R1', NASTY), requirement('R2'), requirement('R3'), requirement('R4'), requirement('R5')],
    risks: [risk('R2', 'accepted', '2030-01-01'), risk('R3', 'mitigated'), risk('R4', 'false-positive'), risk('R5', 'accepted', '2026-01-01')],
  });
  const result = loadDesign(file, memoryHost({ [file]: text }));
  if (!result.design) throw new Error(JSON.stringify(result.errors));
  const rules = [unservedRequirement];
  return { design: result.design, review: review(result.design, rules, { today: TODAY }), rules, cwd: '/work/repo' };
}

/** A clean design: no findings at all. */
export function emptyInput(): FormatInput {
  const file = 'design.yaml';
  const text = yamlOf({ archwright: 1, system: { name: 'Empty', purpose: 'Nothing.', constraints: { engineers: 1 } } });
  const result = loadDesign(file, memoryHost({ [file]: text }));
  if (!result.design) throw new Error(JSON.stringify(result.errors));
  const rules = [unservedRequirement];
  return { design: result.design, review: review(result.design, rules, { today: TODAY }), rules, cwd: '/work/repo' };
}
