// Generated from openapi/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit: change the spec and regenerate.
import type { operations } from "./schema.ts";

type Present<T> = [NonNullable<T>] extends [never] ? {} : NonNullable<T>;
/** The body of a content map's JSON media type: `application/json`, also with parameters (`;charset=UTF-8`), or `+json`, as the generator reads it. */
type JsonBody<C> = C[Extract<keyof C, `application/json${string}` | `application/${string}+json${string}`>];
type JsonOf<T> = T extends { content: infer C } ? JsonBody<C> : never;
type BodyOf<R> = [NonNullable<R>] extends [never]
  ? {}
  : undefined extends R
    ? { body?: JsonOf<NonNullable<R>> | undefined }
    : { body: JsonOf<R> };
/** `project_id` may always be left out: the client fills it from its options, the credentials or IAM. */
type ProjectOptional<P> = P extends { project_id: unknown } ? Omit<P, "project_id"> & { project_id?: string | undefined } : P;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;

/** The one argument of a named call: its path, query and header parameters, named as in the spec, and `body`. */
export type OperationArgs<Id extends keyof operations> = Flat<
  ProjectOptional<Present<operations[Id]["parameters"]["path"]>> &
    Present<operations[Id]["parameters"]["query"]> &
    Present<operations[Id]["parameters"]["header"]> &
    BodyOf<operations[Id]["requestBody"]>
>;

type ResultOf<R> = [JsonOf<R>] extends [never] ? undefined : JsonOf<R>;

/** What a named call resolves to: the JSON body of its success answer, `undefined` for an answer without content. */
export type OperationResult<Id extends keyof operations> = {
  [Status in keyof operations[Id]["responses"] & SuccessStatus]: ResultOf<operations[Id]["responses"][Status]>;
}[keyof operations[Id]["responses"] & SuccessStatus];

/** A named call's parameters: the argument may be left out when nothing in it is required. */
export type OperationCallArgs<Args, Init> = [RequiredKeys<Args>] extends [never]
  ? [args?: Args, init?: Init]
  : [args: Args, init?: Init];

/** `client.<service>.<method>` for every operation of the spec. */
export interface ServiceMethods<Init> {
  "vpc": {
    /**
     * Update a VPC peering connection
     *
     * Updates a VPC peering connection (更新对等连接). Give at least one field; at present
     * only the name can be changed (目前只支持更新name).
     *
     * Idempotent: the request sets fields to the values given, so a repeat changes nothing more.
     *
     * `PUT /v2.0/vpc/peerings/{peering_id}` (UpdateVpcPeering)
     * Docs: `docs/index.html#vpc/updatevpcpeering` (rendered by `npm run docs`)
     */
    updateVpcPeering(
      ...call: OperationCallArgs<OperationArgs<"UpdateVpcPeering">, Init>
    ): Promise<OperationResult<"UpdateVpcPeering">>;
    /**
     * Update a traffic mirror session
     *
     * Updates a traffic mirror session (更新流量镜像会话): its name, description, filter,
     * target, VNI, packet length, priority, source type or whether it is enabled.
     * Fields left out keep their value. Note that `enabled` is the string `"true"` or
     * `"false"` in the request but a boolean in the response.
     *
     * Idempotent: the request sets fields to the values given, so a repeat changes nothing more.
     *
     * `PUT /v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}` (UpdateTrafficMirrorSession)
     * Docs: `docs/index.html#vpc/updatetrafficmirrorsession` (rendered by `npm run docs`)
     */
    updateTrafficMirrorSession(
      ...call: OperationCallArgs<OperationArgs<"UpdateTrafficMirrorSession">, Init>
    ): Promise<OperationResult<"UpdateTrafficMirrorSession">>;
  };
  "evs": {
    /**
     * Update an EVS snapshot
     *
     * Updates the name or description of an EVS disk snapshot (更新云硬盘快照), through
     * EVS's OpenStack Cinder compatible API. `display_name` and `display_description`
     * are Cinder's older names for `name` and `description`. Names and descriptions
     * are limited to 255 bytes, not characters.
     *
     * Idempotent: the request sets the name and description to the values given, so a
     * repeat changes nothing more.
     *
     * `PUT /v2/{project_id}/snapshots/{snapshot_id}` (CinderUpdateSnapshot)
     * Docs: `docs/index.html#evs/cinderupdatesnapshot` (rendered by `npm run docs`)
     */
    cinderUpdateSnapshot(
      ...call: OperationCallArgs<OperationArgs<"CinderUpdateSnapshot">, Init>
    ): Promise<OperationResult<"CinderUpdateSnapshot">>;
  };
  "dws": {
    /**
     * Update an external data source
     *
     * Updates an external data source of a DWS cluster (更新数据源): the IAM agency it
     * is reached through, and whether to restart. The update runs as a job whose ID
     * the response returns.
     *
     * Not idempotent: every request starts a new DWS job, and with `reboot: true` another
     * cluster restart, so the client never resends it after the request may have reached
     * the service (`x-idempotent: false`).
     *
     * `PUT /v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}` (UpdateDataSource)
     * Docs: `docs/index.html#dws/updatedatasource` (rendered by `npm run docs`)
     */
    updateDataSource(
      ...call: OperationCallArgs<OperationArgs<"UpdateDataSource">, Init>
    ): Promise<OperationResult<"UpdateDataSource">>;
  };
  "vpcep": {
    /**
     * Update the route tables of a VPC endpoint
     *
     * Sets the route tables associated with a VPC endpoint (修改终端节点路由表). Route
     * tables that could not be associated or disassociated are listed in the
     * response's `error` member; the call as a whole still answers 200.
     *
     * Idempotent: the request replaces the whole list of associated route tables, so
     * sending the same list twice leaves the same associations.
     *
     * `PUT /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables` (UpdateEndpointRoutetable)
     * Docs: `docs/index.html#vpcep/updateendpointroutetable` (rendered by `npm run docs`)
     */
    updateEndpointRoutetable(
      ...call: OperationCallArgs<OperationArgs<"UpdateEndpointRoutetable">, Init>
    ): Promise<OperationResult<"UpdateEndpointRoutetable">>;
  };
  "iam": {
    /**
     * List projects
     *
     * Lists the projects the caller may see that match the query (查询指定条件下的项目列表).
     * A region's own project is named after the region, so `name=cn-north-4` finds the
     * project ID that the `{project_id}` of other services' paths needs; the client uses
     * this to look the project ID up when none is given.
     *
     * Idempotent: a GET changes nothing.
     *
     * `GET /v3/projects` (KeystoneListProjects)
     * Docs: `docs/index.html#iam/keystonelistprojects` (rendered by `npm run docs`)
     */
    keystoneListProjects(
      ...call: OperationCallArgs<OperationArgs<"KeystoneListProjects">, Init>
    ): Promise<OperationResult<"KeystoneListProjects">>;
  };
}
