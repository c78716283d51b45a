/**
 * `hwcloud-typed/operations`: one descriptor per operation of the spec, named
 * by its operationId (e.g. `UpdateVpcPeering`), for `call` of
 * `hwcloud-typed/core`. Each descriptor refers only to its own validator; a
 * bundler keeps the others too as long as generated/validators.ts assigns
 * to every validator at its top level (see BENCHMARKS.md, Bundle).
 */
export * from "../generated/operations.ts";
