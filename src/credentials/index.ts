/**
 * Where credentials come from when they are not written into the code: the
 * environment, the credentials file Huawei's SDKs share, the ECS metadata
 * service, or any async function; chained, checked and cached.
 */
export { cachedCredentials } from "./cached.ts";
export type { CachedCredentialsOptions } from "./cached.ts";
export { credentialChain, defaultCredentialChain } from "./chain.ts";
export type { DefaultCredentialChainOptions } from "./chain.ts";
export { ENVIRONMENT_VARIABLES, environmentProjectId, fromEnv } from "./env.ts";
export type { EnvironmentOptions } from "./env.ts";
export { CREDENTIALS_FILE_SECTION, fromFile } from "#credentials-file";
export type { CredentialsFileOptions } from "#credentials-file";
export { DEFAULT_METADATA_URL, fromEcsMetadata } from "./metadata.ts";
export type { EcsMetadataOptions } from "./metadata.ts";
export { checkCredentials } from "./provider.ts";
export type { CheckedCredentials, CredentialProvider, Environment, ProvidedCredentials } from "./provider.ts";
export { CredentialsNotFoundError } from "../errors.ts";
export type { CredentialSourceTried } from "../errors.ts";
