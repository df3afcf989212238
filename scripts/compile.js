// Compiles src/ into dist/ as `tsc -p tsconfig.build.json` does, with array
// loops made indexed (scripts/array-loops.js). Type errors are printed and the
// exit code is 1, as with tsc; the JavaScript is emitted all the same.
import ts from 'typescript';
import { indexedArrayLoops } from './array-loops.js';

const CONFIG = 'tsconfig.build.json';

const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
});
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
const emitted = program.emit(undefined, undefined, undefined, false, { before: [indexedArrayLoops(program.getTypeChecker())] });
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length > 0) {
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: ts.sys.getCurrentDirectory,
    getNewLine: () => ts.sys.newLine,
  }));
  process.exitCode = 1;
}
