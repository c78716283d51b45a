/**
 * Read-only views of the bundled spec (`generated/openapi.json`) that the mock
 * cloud is driven by: request and response schemas, the 200 examples it seeds
 * its state from, and the sample values of path parameters.
 */
import bundled from "../../generated/openapi.json" with { type: "json" };
import { type OperationId, operations } from "../../generated/operations.ts";

/** A JSON Schema node of the spec, as far as the mock reads it. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  examples?: unknown[];
  $ref?: string;
  [keyword: string]: unknown;
}

type Node = Record<string, unknown>;

const document = bundled as unknown as Node;

/** Follows local `$ref`s (`#/components/...`) until it reaches a node without one. */
export function resolve<T = Node>(node: unknown): T {
  let current = node as Node | undefined;
  // The spec has no cyclic refs; the bound only keeps a broken one from looping.
  for (let depth = 0; depth < 32 && typeof current?.$ref === "string"; depth++) {
    current = atPointer(current.$ref);
  }
  return current as T;
}

function atPointer(ref: string): Node | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let current: unknown = document;
  for (const segment of ref.slice(2).split("/")) {
    const key = segment.replaceAll("~1", "/").replaceAll("~0", "~");
    current = (current as Node | undefined)?.[key];
  }
  return current as Node | undefined;
}

function pathItem(id: OperationId): Node {
  return resolve((document.paths as Node)[operations[id].path]);
}

function operationObject(id: OperationId): Node {
  return resolve(pathItem(id)[operations[id].method.toLowerCase()]);
}

function jsonContent(holder: unknown): Node | undefined {
  return (resolve<Node | undefined>(holder)?.content as Node | undefined)?.["application/json"] as Node | undefined;
}

function okContent(id: OperationId): Node | undefined {
  return jsonContent((operationObject(id).responses as Node | undefined)?.["200"]);
}

/** The schema of the operation's 200 JSON body, refs resolved at the top. */
export function okSchema(id: OperationId): Schema {
  return resolve<Schema | undefined>(okContent(id)?.schema) ?? {};
}

/** The schema of the operation's JSON request body, refs resolved at the top. */
export function requestSchema(id: OperationId): Schema {
  return resolve<Schema | undefined>(jsonContent(operationObject(id).requestBody)?.schema) ?? {};
}

/** Values of the named examples of a media type object, in the spec's order. */
function exampleValues(content: Node | undefined): unknown[] {
  const examples = (content?.examples ?? {}) as Node;
  return Object.values(examples).map((example) => resolve<Node>(example).value);
}

/** The first example of the operation's 200 body: the page's response sample. */
export function okExample(id: OperationId): unknown {
  return exampleValues(okContent(id))[0];
}

/** The named request body examples of the operation. */
export function requestExamples(id: OperationId): Array<{ name: string; value: unknown }> {
  const examples = (jsonContent(operationObject(id).requestBody)?.examples ?? {}) as Node;
  return Object.entries(examples).map(([name, example]) => ({ name, value: resolve<Node>(example).value }));
}

/** The sample value the spec gives a path parameter (its first example), if any. */
export function pathParameterExample(id: OperationId, name: string): string | undefined {
  const parameters = [...asArray(pathItem(id).parameters), ...asArray(operationObject(id).parameters)].map((p) =>
    resolve<Node>(p),
  );
  const parameter = parameters.find((p) => p.in === "path" && p.name === name);
  if (!parameter) return undefined;
  const fromExamples = Object.values((parameter.examples ?? {}) as Node).map((e) => resolve<Node>(e).value);
  const schemaExamples = resolve<Schema | undefined>(parameter.schema)?.examples ?? [];
  const value = [...fromExamples, parameter.example, ...schemaExamples].find((v) => typeof v === "string");
  return value as string | undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
