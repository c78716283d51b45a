// Generated from openapi/openapi.yaml by `npm run generate` (scripts/generate.ts). Do not edit: change the spec and regenerate.

/** A compiled validator of one call's `{ path, query, header, body }`, as Ajv's standalone code exposes it. */
export interface Validator {
  (input: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }> | null;
}

/** Update a VPC peering connection: `PUT /v2.0/vpc/peerings/{peering_id}` */
export const UpdateVpcPeering = {
  id: "UpdateVpcPeering",
  service: "vpc",
  name: "updateVpcPeering",
  method: "PUT",
  path: "/v2.0/vpc/peerings/{peering_id}",
  idempotent: true,
  params: {"peering_id":"path"},
  body: "required",
  success: {"200":"json"},
  loadValidator: () => import("./validators/UpdateVpcPeering.ts").then((module): Validator => module.UpdateVpcPeering),
} as const;

/** Update a traffic mirror session: `PUT /v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}` */
export const UpdateTrafficMirrorSession = {
  id: "UpdateTrafficMirrorSession",
  service: "vpc",
  name: "updateTrafficMirrorSession",
  method: "PUT",
  path: "/v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}",
  idempotent: true,
  params: {"project_id":"path","traffic_mirror_session_id":"path"},
  body: "required",
  success: {"200":"json"},
  loadValidator: () => import("./validators/UpdateTrafficMirrorSession.ts").then((module): Validator => module.UpdateTrafficMirrorSession),
} as const;

/** Update an EVS snapshot: `PUT /v2/{project_id}/snapshots/{snapshot_id}` */
export const CinderUpdateSnapshot = {
  id: "CinderUpdateSnapshot",
  service: "evs",
  name: "cinderUpdateSnapshot",
  method: "PUT",
  path: "/v2/{project_id}/snapshots/{snapshot_id}",
  idempotent: true,
  params: {"project_id":"path","snapshot_id":"path"},
  body: "required",
  success: {"200":"json"},
  loadValidator: () => import("./validators/CinderUpdateSnapshot.ts").then((module): Validator => module.CinderUpdateSnapshot),
} as const;

/** Update an external data source: `PUT /v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}` */
export const UpdateDataSource = {
  id: "UpdateDataSource",
  service: "dws",
  name: "updateDataSource",
  method: "PUT",
  path: "/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}",
  idempotent: false,
  params: {"project_id":"path","cluster_id":"path","ext_data_source_id":"path"},
  body: "required",
  success: {"200":"json"},
  loadValidator: () => import("./validators/UpdateDataSource.ts").then((module): Validator => module.UpdateDataSource),
} as const;

/** Update the route tables of a VPC endpoint: `PUT /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables` */
export const UpdateEndpointRoutetable = {
  id: "UpdateEndpointRoutetable",
  service: "vpcep",
  name: "updateEndpointRoutetable",
  method: "PUT",
  path: "/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables",
  idempotent: true,
  params: {"project_id":"path","vpc_endpoint_id":"path","X-Auth-Token":"header"},
  body: "required",
  success: {"200":"json"},
  loadValidator: () => import("./validators/UpdateEndpointRoutetable.ts").then((module): Validator => module.UpdateEndpointRoutetable),
} as const;

/** List projects: `GET /v3/projects` */
export const KeystoneListProjects = {
  id: "KeystoneListProjects",
  service: "iam",
  name: "keystoneListProjects",
  method: "GET",
  path: "/v3/projects",
  idempotent: true,
  params: {"domain_id":"query","name":"query","parent_id":"query","enabled":"query","is_domain":"query","page":"query","per_page":"query"},
  body: "none",
  success: {"200":"json"},
  loadValidator: () => import("./validators/KeystoneListProjects.ts").then((module): Validator => module.KeystoneListProjects),
} as const;

/** Every operation of the spec, keyed by operationId. */
export const operations = {
  UpdateVpcPeering,
  UpdateTrafficMirrorSession,
  CinderUpdateSnapshot,
  UpdateDataSource,
  UpdateEndpointRoutetable,
  KeystoneListProjects,
} as const;

/** Every service of the spec, with the server template its default endpoint is made from. */
export const services = {
  "vpc": "https://vpc.{region}.myhuaweicloud.com",
  "evs": "https://evs.{region}.myhuaweicloud.com",
  "dws": "https://dws.{region}.myhuaweicloud.com",
  "vpcep": "https://vpcep.{region}.myhuaweicloud.com",
  "iam": "https://iam.{region}.myhuaweicloud.com",
} as const;

export type OperationId = keyof typeof operations;
export type Service = keyof typeof services;
