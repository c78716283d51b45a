export { createClient, DEFAULT_USER_AGENT } from "./client.ts";
export type { AkSkCredentials, ClientOptions, Credentials, HwcloudClient, TokenCredentials } from "./client.ts";
export type { OperationArgs, OperationCall, PathParams, RequestBody, ResponseBody, ServiceClient } from "./bindings.ts";
export type { CallInit, RawClient, RawResult } from "./raw-client.ts";
export { defaultEndpoint, resolveEndpoints } from "./endpoints.ts";
export type { Endpoints } from "./endpoints.ts";
export {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  HuaweiCloudError,
  HwcloudTypedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "./errors.ts";
export type { ValidationIssue } from "./errors.ts";
export type { RetryOptions } from "./retry.ts";
export { operations } from "../generated/operations.ts";
export type { OperationId, Service } from "../generated/operations.ts";
export type * from "../generated/schema.ts";
