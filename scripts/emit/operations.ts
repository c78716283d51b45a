import type { OperationEntry, ServiceEntry } from "../spec-model.ts";

/**
 * generated/operations.ts: one constant per operation, holding what a call
 * needs at run time (method, path template, where each parameter goes,
 * whether a body is expected, the success statuses and how to import its
 * compiled validator), then the table of all of them and the services'
 * server templates. One constant per operation lets a bundler drop the
 * operations an app never calls; a dynamic import per validator keeps each
 * validator out of the code an app loads until a call of its operation,
 * so the table of every operation does not carry every validator.
 */
export function emitOperations(entries: OperationEntry[], services: ServiceEntry[], header: string): string {
  const constants = entries.map(emitOperation).join("\n\n");
  const table = entries.map((entry) => `  ${entry.operationId},`).join("\n");
  const servers = services.map((service) => `  ${JSON.stringify(service.name)}: ${JSON.stringify(service.server)},`).join("\n");
  return `// ${header}

/** A compiled validator of one call's \`{ path, query, header, body }\`, as Ajv's standalone code exposes it. */
export interface Validator {
  (input: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }> | null;
}

${constants}

/** Every operation of the spec, keyed by operationId. */
export const operations = {
${table}
} as const;

/** Every service of the spec, with the server template its default endpoint is made from. */
export const services = {
${servers}
} as const;

export type OperationId = keyof typeof operations;
export type Service = keyof typeof services;
`;
}

function emitOperation(entry: OperationEntry): string {
  const params = Object.fromEntries(entry.parameters.map((parameter) => [parameter.name, parameter.in]));
  const success = Object.fromEntries(entry.success.map((response) => [response.status, response.schema ? "json" : "empty"]));
  const body = entry.body ? (entry.body.required ? "required" : "optional") : "none";
  return `/** ${entry.summary.replaceAll("*/", "*\\/")}: \`${entry.method} ${entry.path}\` */
export const ${entry.operationId} = {
  id: ${JSON.stringify(entry.operationId)},
  service: ${JSON.stringify(entry.service)},
  name: ${JSON.stringify(entry.methodName)},
  method: ${JSON.stringify(entry.method)},
  path: ${JSON.stringify(entry.path)},
  idempotent: ${entry.idempotent},
  params: ${JSON.stringify(params)},
  body: ${JSON.stringify(body)},
  success: ${JSON.stringify(success)},
  loadValidator: () => import("./validators/${entry.operationId}.ts").then((module): Validator => module.${entry.operationId}),
} as const;`;
}
