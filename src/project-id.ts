/**
 * The project ID a call's `{project_id}` gets when the caller leaves it out:
 * the client's `projectId` (filled when the request is built), else the
 * credentials' own (the environment's HUAWEICLOUD_SDK_PROJECT_ID, the
 * credentials file's project_id), else the project IAM lists under the
 * region's name, looked up once per client.
 */
import { KeystoneListProjects } from "../generated/operations.ts";
import { untilAborted } from "./abort.ts";
import type { Call, ProjectIdResolver } from "./call.ts";
import { environmentProjectId } from "./credentials/env.ts";
import { InvalidResponseError, ProjectIdNotFoundError } from "./errors.ts";
import type { OperationDescriptor } from "./operation.ts";
import { type ClientConfig, PROJECT_ID } from "./options.ts";

export interface ProjectIdSources {
  /** The project ID the credentials name, if any; asked first. */
  fromCredentials: (signal: AbortSignal | undefined) => Promise<string | undefined>;
  /** The projects IAM lists under a name. */
  listProjects: (name: string) => Promise<ReadonlyArray<{ id: string; name: string }>>;
  region: string;
}

/**
 * Concurrent first calls share one lookup, not tied to any one caller's
 * signal; each caller stops waiting when its own fires. A failed lookup is
 * not kept, so the next call tries again.
 */
export function createProjectIdResolver(sources: ProjectIdSources): ProjectIdResolver {
  let found: string | undefined;
  let pending: Promise<string> | undefined;
  const lookUp = async (): Promise<string> => {
    // A server that ignores the name filter must not hand over another region's project.
    const matching = (await sources.listProjects(sources.region)).filter((project) => project.name === sources.region);
    if (matching.length !== 1) throw new ProjectIdNotFoundError({ region: sources.region, matches: matching.length });
    return matching[0]!.id;
  };
  return async (signal) => {
    const own = await sources.fromCredentials(signal);
    if (own !== undefined) return own;
    if (found !== undefined) return found;
    pending ??= lookUp().then(
      (id) => {
        found = id;
        pending = undefined;
        return id;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return untilAborted(pending, signal);
  };
}

/**
 * Where a client finds project IDs: the environment's HUAWEICLOUD_SDK_PROJECT_ID,
 * then its credential provider's `projectId`, then IAM's KeystoneListProjects
 * (`GET /v3/projects?name=<region>` on the `iam` endpoint), through `call`.
 */
export function projectIdSources(config: Pick<ClientConfig, "credentials" | "region">, call: Call): ProjectIdSources {
  const { credentials } = config;
  return {
    region: config.region,
    // Read only when a call needs it: a client given its project ID never touches the environment.
    fromCredentials: async (signal) =>
      environmentProjectId() ?? (typeof credentials === "function" ? (await credentials(signal)).projectId : undefined),
    listProjects: async (name) => {
      const list: OperationDescriptor = KeystoneListProjects;
      const answer = await call(list, { input: { path: {}, query: { name }, header: {} }, unknown: [] }, undefined);
      if (answer.error) throw answer.error;
      const projects = (answer.data as { projects?: unknown } | undefined)?.projects;
      const { status, headers } = answer.response;
      const refuse = (reason: string) =>
        new InvalidResponseError(reason, {
          status,
          operation: list.id,
          contentType: headers["content-type"],
          requestId: headers["x-request-id"],
          excerpt: JSON.stringify(answer.data ?? null).slice(0, 200),
        });
      if (!Array.isArray(projects)) throw refuse("has no `projects` list");
      // The ID found goes into the path of every later call: a list that is not what IAM sends is refused whole.
      if (!projects.every(isProject)) throw refuse("lists a project without a string `name` and an `id` of 1-64 letters, digits, '_' or '-'");
      return projects;
    },
  };
}

function isProject(value: unknown): value is { id: string; name: string } {
  if (typeof value !== "object" || value === null) return false;
  const { id, name } = value as { id?: unknown; name?: unknown };
  return typeof name === "string" && typeof id === "string" && PROJECT_ID.test(id);
}
