/** scripts/array-loops.js: loops over arrays become indexed loops that do what the for…of did; other loops stay. */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { indexedArrayLoops } from '../../scripts/array-loops.js';

const FILE = '/virtual/loops.ts';

/** The source compiled to JavaScript, with the transformer or without it. */
function compile(source: string, transform: boolean): string {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, lib: ['lib.es2022.d.ts'], types: [], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => (name === FILE ? source : readFile(name));
  host.fileExists = (name) => name === FILE || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === FILE ? ts.createSourceFile(FILE, source, version) : getSourceFile(name, version));
  let out = '';
  host.writeFile = (_name, text) => {
    out = text;
  };
  const program = ts.createProgram([FILE], options, host);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
  program.emit(undefined, undefined, undefined, false, transform ? { before: [indexedArrayLoops(program.getTypeChecker())] } : undefined);
  return out;
}

/** What the compiled module's `run()` returns. */
function run(js: string): unknown {
  return new Function(`${js.replace(/^export /gm, '')}\nreturn run();`)();
}

const SOURCE = `
export function run() {
  const out: unknown[] = [];
  const xs = [1, 2, 3, 4, 5, 6];
  outer: for (const x of xs) {
    if (x === 2) continue;
    for (const y of [10, 20]) {
      if (x === 5) continue outer;
      if (y === 20 && x === 4) break;
      out.push(x * y);
    }
    if (x === 6) break;
  }
  const later: (() => number)[] = [];
  for (const x of xs) later.push(() => x);
  out.push(later.map((f) => f()).join());
  const grown = [1];
  for (const g of grown) if (g < 4) grown.push(g + 1);
  out.push(grown.join());
  for (const [a, b] of [[1, 2], [3, 4]] as [number, number][]) out.push(a + b);
  for (let x of xs) { x *= 2; out.push(x); }
  for (const x of xs) { const x2 = x; { const x = x2 + 100; out.push(x); } }
  const pairs = new Map([['a', 1], ['b', 2]]);
  for (const [k, v] of pairs) out.push(k + v);
  for (const v of new Set([7, 8])) out.push(v);
  for (const ch of 'a😀') out.push(ch);
  const either: string[] | readonly number[] = Math.random() < 2 ? ['p', 'q'] : [];
  for (const e of either) out.push(e);
  return out;
}
`;

describe('indexedArrayLoops', () => {
  const plain = compile(SOURCE, false);
  const indexed = compile(SOURCE, true);

  it('does what the for…of loops did: break, continue with labels, a binding per element, growth, destructuring, shadowing', () => {
    expect(run(indexed)).toEqual(run(plain));
    expect(run(plain)).toContain('1,2,3,4,5,6');
  });

  it('makes the loops over arrays and tuples indexed', () => {
    const forOf = (js: string) => js.match(/for \((const|let) [^;]*? of /g) ?? [];
    expect(forOf(plain)).toHaveLength(11);
    // left: the Map, the Set and the string
    expect(forOf(indexed)).toEqual(['for (const [k, v] of ', 'for (const v of ', 'for (const ch of ']);
    expect(indexed).toMatch(/for \(let i_\d+ = 0, array_\d+ = xs; i_\d+ < array_\d+\.length; i_\d+\+\+\)/);
  });
});
