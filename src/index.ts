export { createClient } from "./client.ts";
export type { HwcloudClient } from "./client.ts";
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_USER_AGENT } from "./options.ts";
export type { AkSkCredentials, CallInit, ClientOptions, Credentials, RetrySettings, TokenCredentials } from "./options.ts";
export type { NamedCalls } from "./named-calls.ts";
export type { OperationArgs, OperationResult } from "../generated/methods.ts";
export type { RawClient, RawClients, RawResult } from "./raw-client.ts";
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
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  ProjectIdNotFoundError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "./errors.ts";
export type { ValidationIssue } from "./errors.ts";
export * from "./credentials/index.ts";
export { clockSkewOf, createSkewedClock } from "./auth/clock-skew.ts";
export type { SkewedClock } from "./auth/clock-skew.ts";
export type { AttemptEvent, RetryEvent, RetryOptions } from "./retry/policy.ts";
export { operations, services } from "../generated/operations.ts";
export type { OperationId, Service } from "../generated/operations.ts";
export type * from "../generated/schema.ts";
