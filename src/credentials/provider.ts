import type { AccessKeys as Credentials } from "../auth/signer.ts";
import { ValidationError, type ValidationIssue } from "../errors.ts";
import { INVALID_HEADER_CHARACTER, INVALID_HEADER_MESSAGE } from "../header-value.ts";

/** What a credential source hands over: an AK/SK pair, and for temporary credentials a security token and an expiry. */
export interface ProvidedCredentials extends Credentials {
  /** The project id the source names, e.g. HUAWEICLOUD_SDK_PROJECT_ID or the file's `project_id`. */
  projectId?: string | undefined;
  /** When temporary credentials stop working: a Date, epoch milliseconds or an ISO 8601 time. */
  expiresAt?: Date | number | string | undefined;
}

/** Credentials after checking: `expiresAt`, when known, is a Date. */
export interface CheckedCredentials extends Credentials {
  projectId?: string;
  expiresAt?: Date;
}

/**
 * A source of credentials. Resolves with credentials, or rejects with
 * CredentialsNotFoundError when its source holds none (so a chain tries the
 * next), or with another typed error when the source is there but broken.
 * Any async function of this shape is a provider.
 */
export type CredentialProvider = (signal?: AbortSignal) => Promise<ProvidedCredentials>;

/** Process environment variables, or any stand-in for them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The process environment where there is one (Node, Deno, Bun), an empty one
 * elsewhere. A variable the runtime will not let us read (Deno without
 * --allow-env throws) reads as unset, as it would be for this client.
 */
export function processEnvironment(): Environment {
  const env = globalThis.process?.env;
  if (env === undefined) return {};
  return new Proxy(
    {},
    {
      get(_, name) {
        try {
          return typeof name === "string" ? env[name] : undefined;
        } catch {
          return undefined;
        }
      },
    },
  );
}

/**
 * Checks what a provider returned and normalises `expiresAt`. Issues name
 * the field and the source, never a value.
 */
export function checkCredentials(value: unknown, source: string): CheckedCredentials {
  if (typeof value !== "object" || value === null) {
    throw new ValidationError("credentials", [{ field: source, rule: "type", message: "must resolve to { ak, sk }" }]);
  }
  const { ak, sk, securityToken, projectId, expiresAt } = value as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const text = (field: string, item: unknown, required: boolean, header = false) => {
    if (item === undefined && !required) return;
    if (typeof item !== "string" || item === "") {
      issues.push({ field: `${source} ${field}`, rule: required ? "required" : "type", message: "must be a non-empty string" });
    } else if (header && INVALID_HEADER_CHARACTER.test(item)) {
      // Sent as a header value; the client signs these without checking them again.
      issues.push({ field: `${source} ${field}`, rule: "pattern", message: INVALID_HEADER_MESSAGE });
    }
  };
  text("ak", ak, true, true);
  text("sk", sk, true);
  text("securityToken", securityToken, false, true);
  text("projectId", projectId, false, true);
  const expiry = toDate(expiresAt);
  if (expiry === null) {
    issues.push({ field: `${source} expiresAt`, rule: "format", message: "must be a Date, epoch milliseconds or an ISO 8601 time" });
  }
  if (issues.length > 0) throw new ValidationError("credentials", issues);
  return {
    ak: ak as string,
    sk: sk as string,
    ...(securityToken === undefined ? {} : { securityToken: securityToken as string }),
    ...(projectId === undefined ? {} : { projectId: projectId as string }),
    ...(expiry ? { expiresAt: expiry } : {}),
  };
}

/** undefined when absent, null when unreadable. */
function toDate(value: unknown): Date | undefined | null {
  if (value === undefined) return undefined;
  const date =
    value instanceof Date ? value : typeof value === "number" || typeof value === "string" ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
