/**
 * `hwcloud-typed/operations`: one descriptor per operation of the spec, named
 * by its operationId (e.g. `UpdateVpcPeering`), for `call` of
 * `hwcloud-typed/core`. Each descriptor refers only to its own validator, so
 * an app that imports one operation bundles that one.
 */
export * from "../generated/operations.ts";
