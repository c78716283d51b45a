/**
 * The constraints the Huawei pages state, one row each: a value that breaks
 * exactly that constraint, starting from a valid example. Shared by the spec
 * test (the schemas reject it) and the client's validation test (the client
 * refuses it before any I/O), so the list lives in one place.
 */
// biome-ignore lint: test data
export type Json = any;

export type OperationId =
  | "UpdateVpcPeering"
  | "UpdateTrafficMirrorSession"
  | "CinderUpdateSnapshot"
  | "UpdateDataSource"
  | "UpdateEndpointRoutetable"
  | "KeystoneListProjects";
/** What a constraint applies to: the request body, path or header parameters, or the 200 response body. */
export type Where = "body" | "path" | "query" | "header" | "response";

export const REMOVE = Symbol("remove the member");

export function segments(pointer: string): string[] {
  return pointer.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** A deep copy of `value` with the member at `pointer` set to `replacement` (or removed). */
export function withValueAt(value: Json, pointer: string, replacement: Json): Json {
  const copy = structuredClone(value);
  const path = segments(pointer);
  const last = path.pop()!;
  let parent = copy;
  for (const segment of path) {
    if (parent?.[segment] === undefined) throw new Error(`the starting example has nothing at ${segment} of ${pointer}`);
    parent = parent[segment];
  }
  if (replacement === REMOVE) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

export const UNKNOWN = "/not_a_documented_field";

/**
 * Every constraint of the pages, as one value that breaks it. `pointer` is the
 * field; for `additionalProperties` it is an unknown member of the object.
 */
export const CONSTRAINTS: Array<[OperationId, Where, string, Json, string]> = [
  // 000 UpdateVpcPeering
  ["UpdateVpcPeering", "path", "/peering_id", "", "minLength"],
  ["UpdateVpcPeering", "body", "/peering", REMOVE, "required"],
  ["UpdateVpcPeering", "body", UNKNOWN, "x", "additionalProperties"],
  ["UpdateVpcPeering", "body", "/peering", {}, "minProperties"],
  ["UpdateVpcPeering", "body", `/peering${UNKNOWN}`, "x", "additionalProperties"],
  ["UpdateVpcPeering", "body", "/peering/name", "", "minLength"],
  ["UpdateVpcPeering", "body", "/peering/name", "n".repeat(65), "maxLength"],
  ["UpdateVpcPeering", "body", "/peering/description", "d".repeat(256), "maxLength"],
  ["UpdateVpcPeering", "body", "/peering/description", "a <b> tag", "pattern"],
  ["UpdateVpcPeering", "response", "/peering", REMOVE, "required"],
  ["UpdateVpcPeering", "response", "/peering/status", "UNKNOWN", "enum"],

  // 001 UpdateTrafficMirrorSession
  ["UpdateTrafficMirrorSession", "path", "/project_id", "", "minLength"],
  ["UpdateTrafficMirrorSession", "path", "/traffic_mirror_session_id", "", "minLength"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session", REMOVE, "required"],
  ["UpdateTrafficMirrorSession", "body", UNKNOWN, "x", "additionalProperties"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session", {}, "minProperties"],
  ["UpdateTrafficMirrorSession", "body", `/traffic_mirror_session${UNKNOWN}`, "x", "additionalProperties"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/name", "", "minLength"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/name", "n".repeat(65), "maxLength"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/name", "web session", "pattern"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/description", "d".repeat(256), "maxLength"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/description", "<script>", "pattern"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/traffic_mirror_target_type", "nlb", "enum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/virtual_network_id", -1, "minimum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/virtual_network_id", 16777216, "maximum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/packet_length", 0, "minimum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/packet_length", 1461, "maximum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/priority", 0, "minimum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/priority", 32767, "maximum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/enabled", "yes", "enum"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/enabled", true, "type"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/type", "elb", "enum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session", REMOVE, "required"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/name", "", "minLength"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/name", "n".repeat(65), "maxLength"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/name", "web session", "pattern"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/description", "d".repeat(256), "maxLength"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/description", "<script>", "pattern"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/traffic_mirror_target_type", "nlb", "enum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/virtual_network_id", -1, "minimum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/virtual_network_id", 16777216, "maximum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/packet_length", 0, "minimum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/packet_length", 1461, "maximum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/priority", 0, "minimum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/priority", 32767, "maximum"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/enabled", "true", "type"],
  ["UpdateTrafficMirrorSession", "response", "/traffic_mirror_session/type", "elb", "enum"],

  // 002 CinderUpdateSnapshot: 255 bytes, so 86 Chinese characters (258 bytes) break only x-max-bytes.
  ["CinderUpdateSnapshot", "path", "/project_id", "", "minLength"],
  ["CinderUpdateSnapshot", "path", "/snapshot_id", "", "minLength"],
  ["CinderUpdateSnapshot", "body", "/snapshot", REMOVE, "required"],
  ["CinderUpdateSnapshot", "body", UNKNOWN, "x", "additionalProperties"],
  ["CinderUpdateSnapshot", "body", `/snapshot${UNKNOWN}`, "x", "additionalProperties"],
  ["CinderUpdateSnapshot", "body", "/snapshot/name", "n".repeat(256), "maxLength"],
  ["CinderUpdateSnapshot", "body", "/snapshot/name", "快".repeat(86), "x-max-bytes"],
  ["CinderUpdateSnapshot", "body", "/snapshot/description", "d".repeat(256), "maxLength"],
  ["CinderUpdateSnapshot", "body", "/snapshot/description", "照".repeat(86), "x-max-bytes"],
  ["CinderUpdateSnapshot", "body", "/snapshot/display_name", "n".repeat(256), "maxLength"],
  ["CinderUpdateSnapshot", "body", "/snapshot/display_name", "快".repeat(86), "x-max-bytes"],
  ["CinderUpdateSnapshot", "body", "/snapshot/display_description", "d".repeat(256), "maxLength"],
  ["CinderUpdateSnapshot", "body", "/snapshot/display_description", "照".repeat(86), "x-max-bytes"],
  ["CinderUpdateSnapshot", "response", "/snapshot", REMOVE, "required"],
  ["CinderUpdateSnapshot", "response", "/snapshot/status", "frozen", "enum"],

  // 003 UpdateDataSource
  ["UpdateDataSource", "path", "/project_id", "", "minLength"],
  ["UpdateDataSource", "path", "/cluster_id", "", "minLength"],
  ["UpdateDataSource", "path", "/ext_data_source_id", "", "minLength"],
  ["UpdateDataSource", "body", "/reconfigure", REMOVE, "required"],
  ["UpdateDataSource", "body", UNKNOWN, "x", "additionalProperties"],
  ["UpdateDataSource", "body", `/reconfigure${UNKNOWN}`, "x", "additionalProperties"],
  ["UpdateDataSource", "body", "/reconfigure/reboot", "false", "type"],

  // 004 UpdateEndpointRoutetable
  ["UpdateEndpointRoutetable", "path", "/project_id", "", "minLength"],
  ["UpdateEndpointRoutetable", "path", "/project_id", "p".repeat(65), "maxLength"],
  ["UpdateEndpointRoutetable", "path", "/vpc_endpoint_id", "", "minLength"],
  ["UpdateEndpointRoutetable", "path", "/vpc_endpoint_id", "e".repeat(65), "maxLength"],
  ["UpdateEndpointRoutetable", "header", "/X-Auth-Token", "", "minLength"],
  ["UpdateEndpointRoutetable", "header", "/X-Auth-Token", "t".repeat(2049), "maxLength"],
  ["UpdateEndpointRoutetable", "body", "/routetables", REMOVE, "required"],
  ["UpdateEndpointRoutetable", "body", UNKNOWN, "x", "additionalProperties"],
  ["UpdateEndpointRoutetable", "body", "/routetables", "705290f3-0d00-41f2-aedc-71f09844e879", "type"],

  // KeystoneListProjects (IAM)
  ["KeystoneListProjects", "response", "/projects", REMOVE, "required"],
  ["KeystoneListProjects", "response", "/projects/0/id", REMOVE, "required"],
  ["KeystoneListProjects", "response", "/projects/0/name", REMOVE, "required"],
  ["KeystoneListProjects", "response", "/projects/0/id", "", "minLength"],
  ["KeystoneListProjects", "response", "/projects/0/name", "", "minLength"],
  ["KeystoneListProjects", "query", "/domain_id", "", "minLength"],
  ["KeystoneListProjects", "query", "/name", "", "minLength"],
  ["KeystoneListProjects", "query", "/parent_id", "", "minLength"],
  ["KeystoneListProjects", "query", "/enabled", "true", "type"],
  ["KeystoneListProjects", "query", "/is_domain", true, "enum"],
  ["KeystoneListProjects", "query", "/page", 0, "minimum"],
  ["KeystoneListProjects", "query", "/page", 1.5, "type"],
  ["KeystoneListProjects", "query", "/per_page", 0, "minimum"],
  ["KeystoneListProjects", "query", "/per_page", 5001, "maximum"],
];

/** Values right at a limit, which must pass: the bounds are inclusive and counted the documented way. */
export const AT_THE_LIMIT: Array<[OperationId, Where, string, Json]> = [
  ["UpdateVpcPeering", "body", "/peering/name", "n".repeat(64)],
  ["UpdateVpcPeering", "body", "/peering/description", "d".repeat(255)],
  ["UpdateVpcPeering", "body", "/peering/description", ""],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/name", "镜像会话_web-01.v2"],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/name", "n".repeat(64)],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/description", "d".repeat(255)],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/virtual_network_id", 0],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/virtual_network_id", 16777215],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/packet_length", 1],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/packet_length", 1460],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/priority", 1],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/priority", 32766],
  ["UpdateTrafficMirrorSession", "body", "/traffic_mirror_session/enabled", "false"],
  ["CinderUpdateSnapshot", "body", "/snapshot/name", "快".repeat(85)],
  ["CinderUpdateSnapshot", "body", "/snapshot/display_description", "d".repeat(255)],
  ["UpdateEndpointRoutetable", "path", "/vpc_endpoint_id", "e".repeat(64)],
  ["UpdateEndpointRoutetable", "header", "/X-Auth-Token", "t".repeat(2048)],
  ["UpdateEndpointRoutetable", "body", "/routetables", []],
];
