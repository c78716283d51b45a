// The worker of schema-types.ts: loads openapi-typescript as soon as it starts,
// then turns the one document it is sent into TypeScript source.
import module from "node:module";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";

// Node 22.1 and later compile TypeScript's 9 MB from V8's cache after the first run, as scripts/run-ts.mjs
// does for the main thread (Node 20 has no such cache).
module.enableCompileCache?.(fileURLToPath(new URL("../../node_modules/.cache/hwcloud-typed/node-compile-cache/", import.meta.url)));

const loading = Promise.all([import("openapi-typescript"), import("typescript")]);

parentPort.once("message", async ({ document, options }) => {
  try {
    const [{ default: openapiTS, astToString }, { default: ts }] = await loading;
    parentPort.postMessage({ code: astToString(orUndefined(ts, await openapiTS(document, options))) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

/**
 * Every optional property also takes `undefined` (`name?: string | undefined`),
 * so consumers compiling with exactOptionalPropertyTypes may pass a value that
 * may be unset (`{ name: maybeName }`): the client sends JSON and query strings,
 * which leave an undefined member out, exactly as if it were absent.
 * openapi-typescript has no option for it.
 */
function orUndefined(ts, nodes) {
  const { factory } = ts;
  const visit = (node) => {
    const visited = ts.visitEachChild(node, visit, undefined);
    if (!ts.isPropertySignature(visited) || visited.questionToken === undefined || visited.type === undefined) return visited;
    const members = ts.isUnionTypeNode(visited.type) ? visited.type.types : [visited.type];
    // `never` marks what must stay absent (a method or parameter location the operation lacks).
    if (members.some((member) => member.kind === ts.SyntaxKind.UndefinedKeyword || member.kind === ts.SyntaxKind.NeverKeyword)) return visited;
    const type = factory.createUnionTypeNode([...members, factory.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword)]);
    return factory.updatePropertySignature(visited, visited.modifiers, visited.name, visited.questionToken, type);
  };
  return nodes.map((node) => visit(node));
}
