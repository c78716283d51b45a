/**
 * `hwcloud-typed/operations`: one descriptor per operation of the spec, named
 * by its operationId (e.g. `UpdateVpcPeering`), for `call` of
 * `hwcloud-typed/core`. Each descriptor imports only its own validator
 * (generated/validators/<operationId>.ts), so a bundle of one operation
 * carries that validator and no other.
 */
export * from "../generated/operations.ts";
