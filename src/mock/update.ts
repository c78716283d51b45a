/**
 * How an update request changes a stored resource, read from the spec rather
 * than written per operation:
 *
 * - When the request body wraps its fields in one object member that the 200
 *   body also has (`peering`, `traffic_mirror_session`, `snapshot`), those
 *   fields are merged into that member; otherwise the request's top-level
 *   members are merged into the body (`routetables`, replaced whole).
 * - Only fields the 200 schema knows are kept, each coerced to the type the
 *   schema gives it (the mirror session's `enabled` is "true" in the request
 *   and true in the response).
 * - `updated_at`, where the schema has it, becomes the update's time, in the
 *   format of the value it replaces (or of the schema's example).
 * - A top-level `request_id`, where the schema has it, is the answer's X-Request-Id.
 *
 * What the spec cannot say is in `quirks`, one entry per operation.
 */
import { randomUUID } from "node:crypto";
import type { OperationId } from "../../generated/operations.ts";
import { requestSchema, type Schema, successSchema } from "./spec.ts";

export interface Quirk {
  /** Request fields that are other names of a response field; the response field's own name wins. */
  aliases?: Record<string, string>;
  /** Top-level fields that get a new id in every answer. */
  freshIds?: readonly string[];
}

/** The per-operation special cases, and why each exists. */
export const quirks: Partial<Record<OperationId, Quirk>> = {
  // Cinder's older names for name and description; the spec says `name` wins when both are given.
  CinderUpdateSnapshot: { aliases: { display_name: "name", display_description: "description" } },
  // Every update of a data source runs as a new DWS job, whose id the answer carries.
  UpdateDataSource: { freshIds: ["job_id"] },
};

type Json = Record<string, unknown>;

export interface UpdateContext {
  now: Date;
  requestId: string;
}

/**
 * The member of both the request and the 200 body that wraps the resource,
 * e.g. `peering`; undefined when the request is not wrapped that way.
 */
export function wrapperKey(id: OperationId): string | undefined {
  const request = Object.keys(requestSchema(id).properties ?? {});
  if (request.length !== 1) return undefined;
  const key = request[0]!;
  const member = successSchema(id).properties?.[key];
  return member !== undefined && typeOf(member) === "object" ? key : undefined;
}

/** Applies a validated request body to the stored 200 body of a resource, in place. */
export function applyUpdate(id: OperationId, stored: Json, request: unknown, context: UpdateContext): void {
  const schema = successSchema(id);
  const key = wrapperKey(id);
  const target = key === undefined ? stored : ((stored[key] ??= {}) as Json);
  const targetSchema = key === undefined ? schema : (schema.properties?.[key] ?? {});
  const known = targetSchema.properties ?? {};
  const changes = withAliases(asObject(key === undefined ? request : asObject(request)[key]), quirks[id]?.aliases);

  for (const [name, value] of Object.entries(changes)) {
    const fieldSchema = known[name];
    if (fieldSchema !== undefined) target[name] = coerce(value, fieldSchema);
  }
  if (known.updated_at !== undefined) {
    const template = typeof target.updated_at === "string" ? target.updated_at : firstExample(known.updated_at);
    target.updated_at = formatTimeLike(template, context.now);
  }
  for (const name of quirks[id]?.freshIds ?? []) stored[name] = freshIdLike(stored[name]);
  if (schema.properties?.request_id !== undefined) stored.request_id = context.requestId;
}

function withAliases(fields: Json, aliases: Record<string, string> | undefined): Json {
  const result = { ...fields };
  for (const [alias, name] of Object.entries(aliases ?? {})) {
    if (alias in result && !(name in result)) result[name] = result[alias];
    delete result[alias];
  }
  return result;
}

/** The value in the type the schema gives it, when the request sent it as another JSON type. */
export function coerce(value: unknown, schema: Schema): unknown {
  const type = typeOf(schema);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  if ((type === "integer" || type === "number") && typeof value === "string" && value.trim() !== "") {
    const number = Number(value);
    if (Number.isFinite(number) && (type === "number" || Number.isInteger(number))) return number;
  }
  if (type === "string" && (typeof value === "number" || typeof value === "boolean")) return String(value);
  return value;
}

function typeOf(schema: Schema | undefined): string | undefined {
  const type = schema?.type;
  return Array.isArray(type) ? type.find((t) => t !== "null") : type;
}

/**
 * `date` as UTC text shaped like `template`: Huawei services differ, e.g.
 * `2023-03-23T10:56:54Z`, `2020-03-23T10:56:54`, `2013-02-25T03:56:53.081642`.
 * Full ISO 8601 when there is no template to copy.
 */
export function formatTimeLike(template: string | undefined, date: Date): string {
  const iso = date.toISOString();
  const shape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.(\d+))?(Z?)$/.exec(template ?? "");
  if (!shape) return iso;
  const [, fraction, zulu] = shape;
  const digits = fraction ? `.${`${iso.slice(20, 23)}000000000`.slice(0, fraction.length)}` : "";
  return `${iso.slice(0, 19)}${digits}${zulu}`;
}

/** A new random id in the form of the old one: 32 hex digits, or a dashed UUID. */
export function freshIdLike(previous: unknown): string {
  const uuid = randomUUID();
  return typeof previous === "string" && /^[0-9a-f]{32}$/i.test(previous) ? uuid.replaceAll("-", "") : uuid;
}

function firstExample(schema: Schema | undefined): string | undefined {
  const example = schema?.examples?.[0];
  return typeof example === "string" ? example : undefined;
}

function asObject(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
