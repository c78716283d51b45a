import type { OperationId } from "../generated/operations.ts";
import * as validators from "../generated/validators.ts";
import { ValidationError, type ValidationIssue } from "./errors.ts";

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }> | null;
}

const compiled = validators as unknown as Record<OperationId, CompiledValidator>;

/** Checks `{ path, body }` against the operation's schemas; throws a ValidationError naming each bad field. */
export function validateInput(operation: OperationId, input: { path: Record<string, unknown>; body?: unknown }): void {
  const validate = compiled[operation];
  if (!validate || validate(input)) return;
  throw new ValidationError(operation, (validate.errors ?? []).map(toIssue));
}

function toIssue(error: NonNullable<CompiledValidator["errors"]>[number]): ValidationIssue {
  const segments = error.instancePath.split("/").slice(1).map(unescapePointer);
  const child = error.params.missingProperty ?? error.params.additionalProperty;
  if (typeof child === "string") segments.push(child);
  const message =
    error.keyword === "required"
      ? "is required"
      : error.keyword === "additionalProperties"
        ? "is not a known field"
        : (error.message ?? `breaks ${error.keyword}`);
  return { field: segments.join("."), rule: error.keyword, message };
}

function unescapePointer(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}
