import type { OperationEntry, ServiceEntry } from "../spec-model.ts";

/** Where the rendered docs put an operation (Redoc's anchor, `<tag>/<operationid>` in lower case), for the `@see` of its method. */
export function docsAnchor(entry: Pick<OperationEntry, "tag" | "operationId">): string {
  return `docs/index.html#${entry.tag.toLowerCase()}/${entry.operationId.toLowerCase()}`;
}

/**
 * generated/methods.ts: the type of `client.<service>.<method>` for every
 * operation, each method with its operation's summary, description and docs
 * anchor as JSDoc, so an editor's hover shows them. The argument and result
 * types are derived from openapi-typescript's `operations` by the helpers
 * below; the options every call takes (`Init`) come from the client.
 */
export function emitMethods(entries: OperationEntry[], services: ServiceEntry[], header: string): string {
  const groups = services
    .map((service) => {
      const methods = entries.filter((entry) => entry.service === service.name).map(emitMethod).join("\n");
      return `  ${JSON.stringify(service.name)}: {\n${methods}\n  };`;
    })
    .join("\n");
  return `// ${header}
import type { operations } from "./schema.ts";

type Present<T> = [NonNullable<T>] extends [never] ? {} : NonNullable<T>;
/** The body of a content map's JSON media type: \`application/json\`, also with parameters (\`;charset=UTF-8\`), or \`+json\`, as the generator reads it. */
type JsonBody<C> = C[Extract<keyof C, \`application/json\${string}\` | \`application/\${string}+json\${string}\`>];
type JsonOf<T> = T extends { content: infer C } ? JsonBody<C> : never;
type BodyOf<R> = [NonNullable<R>] extends [never]
  ? {}
  : undefined extends R
    ? { body?: JsonOf<NonNullable<R>> | undefined }
    : { body: JsonOf<R> };
/** \`project_id\` may always be left out: the client fills it from its options, the credentials or IAM. */
type ProjectOptional<P> = P extends { project_id: unknown } ? Omit<P, "project_id"> & { project_id?: string | undefined } : P;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;

/** The one argument of a named call: its path, query and header parameters, named as in the spec, and \`body\`. */
export type OperationArgs<Id extends keyof operations> = Flat<
  ProjectOptional<Present<operations[Id]["parameters"]["path"]>> &
    Present<operations[Id]["parameters"]["query"]> &
    Present<operations[Id]["parameters"]["header"]> &
    BodyOf<operations[Id]["requestBody"]>
>;

type ResultOf<R> = [JsonOf<R>] extends [never] ? undefined : JsonOf<R>;

/** What a named call resolves to: the JSON body of its success answer, \`undefined\` for an answer without content. */
export type OperationResult<Id extends keyof operations> = {
  [Status in keyof operations[Id]["responses"] & SuccessStatus]: ResultOf<operations[Id]["responses"][Status]>;
}[keyof operations[Id]["responses"] & SuccessStatus];

/** A named call's parameters: the argument may be left out when nothing in it is required. */
export type OperationCallArgs<Args, Init> = [RequiredKeys<Args>] extends [never]
  ? [args?: Args, init?: Init]
  : [args: Args, init?: Init];

/** \`client.<service>.<method>\` for every operation of the spec. */
export interface ServiceMethods<Init> {
${groups}
}
`;
}

function emitMethod(entry: OperationEntry): string {
  const lines = [
    entry.summary,
    "",
    ...entry.description.trim().split("\n"),
    "",
    `\`${entry.method} ${entry.path}\` (${entry.operationId})`,
    `Docs: \`${docsAnchor(entry)}\` (rendered by \`npm run docs\`)`,
  ];
  const doc = lines.map((line) => `     * ${line.replaceAll("*/", "*\\/")}`.trimEnd()).join("\n");
  const id = JSON.stringify(entry.operationId);
  return `    /**
${doc}
     */
    ${entry.methodName}(
      ...call: OperationCallArgs<OperationArgs<${id}>, Init>
    ): Promise<OperationResult<${id}>>;`;
}
