/**
 * Operations the committed spec does not have yet (GET with query and header
 * parameters, POST, optional bodies, 201/204 answers), made the way the
 * generator makes them: a small OpenAPI document read by `listOperations`,
 * its input schema by `inputSchema`, compiled by the project's one Ajv setup.
 */
import { createAjv } from "../../scripts/ajv.ts";
import { inputSchema } from "../../scripts/emit/validators.ts";
import { listOperations, type OperationEntry } from "../../scripts/spec-model.ts";
import { type OperationId, operations } from "../../generated/operations.ts";
import type { CompiledValidator, ReadyOperation } from "../../src/operation.ts";
import { withValidator } from "../../src/validate.ts";

/** A document with the given paths, every operation served by the `vpc` service (so clients have its endpoint). */
export function documentOf(paths: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    servers: [{ url: "https://{service}.{region}.myhuaweicloud.com", variables: { service: { enum: ["vpc"] } } }],
    paths,
  };
}

const PROJECT_ID = { name: "project_id", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } };
const json = (schema: object) => ({ content: { "application/json": { schema } } });

/** Paths of the test operations, in the spec's own form. */
export const TEST_PATHS = {
  "/v1/{project_id}/servers": {
    get: {
      operationId: "ListServers",
      "x-service": "vpc",
      parameters: [
        PROJECT_ID,
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 } },
        { name: "name", in: "query", schema: { type: "string", maxLength: 64 } },
        { name: "status", in: "query", schema: { type: "string", enum: ["ACTIVE", "SHUTOFF"] } },
        { name: "tags", in: "query", schema: { type: "array", items: { type: "string" } } },
        { name: "X-Language", in: "header", schema: { type: "string", enum: ["zh-cn", "en-us"] } },
        { name: "X-Client-Token", in: "header", required: true, schema: { type: "string", minLength: 1 } },
      ],
      responses: { 200: { description: "servers", ...json({ type: "object" }) } },
    },
    post: {
      operationId: "CreateServer",
      "x-service": "vpc",
      parameters: [PROJECT_ID],
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["server"],
          properties: { server: { type: "object", properties: { name: { type: "string", minLength: 1 } } } },
        }),
      },
      responses: { 201: { description: "created", ...json({ type: "object" }) } },
    },
  },
  "/v1/{project_id}/servers/{server_id}": {
    delete: {
      operationId: "DeleteServer",
      "x-service": "vpc",
      parameters: [PROJECT_ID, { name: "server_id", in: "path", required: true, schema: { type: "string" } }],
      responses: { 204: { description: "deleted" } },
    },
    patch: {
      operationId: "TagServer",
      "x-service": "vpc",
      parameters: [PROJECT_ID, { name: "server_id", in: "path", required: true, schema: { type: "string" } }],
      requestBody: { required: false, ...json({ type: "object", properties: { tags: { type: "array" } } }) },
      responses: { 200: { description: "tagged", ...json({ type: "object" }) }, 202: { description: "accepted" } },
    },
  },
};

/** The run-time descriptor the generator would emit for an operation entry. */
export function descriptorOf(entry: OperationEntry): ReadyOperation {
  const validate = createAjv().compile(inputSchema(entry)) as unknown as CompiledValidator;
  return {
    id: entry.operationId,
    service: entry.service,
    name: entry.methodName,
    method: entry.method,
    path: entry.path,
    idempotent: entry.idempotent,
    params: Object.fromEntries(entry.parameters.map((parameter) => [parameter.name, parameter.in])),
    body: entry.body ? (entry.body.required ? "required" : "optional") : "none",
    success: Object.fromEntries(entry.success.map((response) => [response.status, response.schema ? "json" : "empty"])),
    validate,
    loadValidator: async () => validate,
  };
}

/** ListServers, CreateServer, DeleteServer and TagServer, keyed by operationId. */
export const testOperations: Record<"ListServers" | "CreateServer" | "DeleteServer" | "TagServer", ReadyOperation> =
  Object.fromEntries(listOperations(documentOf(TEST_PATHS)).map((entry) => [entry.operationId, descriptorOf(entry)])) as never;

/** The generated descriptors with their validators imported, as src/core.ts hands them to createCall. */
export const readyOperations = Object.fromEntries(
  await Promise.all(Object.values(operations).map(async (operation) => [operation.id, await withValidator(operation)])),
) as { [Id in OperationId]: (typeof operations)[Id] & ReadyOperation };
