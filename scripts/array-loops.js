// A TypeScript transformer for scripts/compile.js: a `for (… of array)` loop
// becomes an indexed loop. V8 runs code it has not optimised yet through the
// iterator protocol, one call and one result object per element; a review
// walks tens of thousands of components and links once per rule, mostly
// before V8 optimises the rule, and those result objects were ~40 MB of
// garbage per 10k-component review (V8's sampling heap profiler) and ~3% of
// the whole-process time of its `check` (measured). Only loops over what the type checker knows
// to be an array or a tuple are changed; Maps, Sets, strings and every other
// iterable keep the iterator protocol, and so do loops that assign to an
// outer variable.
import ts from 'typescript';

/** Whether every type the expression can have is an array or a tuple. */
function isArrayLike(checker, type) {
  if (type.isUnion()) return type.types.every((t) => isArrayLike(checker, t));
  return checker.isArrayType(type) || checker.isTupleType(type);
}

/** `for (const x of xs) body` → `for (let i = 0, a = xs; i < a.length; i++) { const x = a[i]; body }`. */
export function indexedArrayLoops(checker) {
  return (context) => {
    const f = context.factory;
    const visit = (node) => {
      if (ts.isForOfStatement(node) && !node.awaitModifier && ts.isVariableDeclarationList(node.initializer)
        && node.initializer.declarations.length === 1 && isArrayLike(checker, checker.getTypeAtLocation(node.expression))) {
        const declaration = node.initializer.declarations[0];
        const index = f.createUniqueName('i');
        const array = f.createUniqueName('array');
        const body = ts.visitNode(node.statement, visit);
        const element = f.createVariableStatement(undefined, f.createVariableDeclarationList(
          [f.createVariableDeclaration(declaration.name, undefined, undefined, f.createElementAccessExpression(array, index))],
          node.initializer.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let),
        ));
        const loop = f.createForStatement(
          f.createVariableDeclarationList([
            f.createVariableDeclaration(index, undefined, undefined, f.createNumericLiteral(0)),
            f.createVariableDeclaration(array, undefined, undefined, ts.visitNode(node.expression, visit)),
          ], ts.NodeFlags.Let),
          f.createLessThan(index, f.createPropertyAccessExpression(array, 'length')),
          f.createPostfixIncrement(index),
          // the body stays a block of its own: it may declare a name the loop variable also has
          f.createBlock([element, body], true),
        );
        return ts.setTextRange(loop, node);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (file) => ts.visitNode(file, visit);
  };
}
