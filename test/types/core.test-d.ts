/**
 * Compile-time specification of `call(core, operation, args, init)`: it takes
 * the arguments of the operation's named method and resolves to its result.
 * Each `@ts-expect-error` fails this suite if the line below it ever compiles.
 */
import { describe, expectTypeOf, test } from "vitest";
import { call, createCore } from "../../src/core.ts";
import type { UpdateVpcPeeringResponseBody } from "../../src/index.ts";
import { KeystoneListProjects, UpdateTrafficMirrorSession, UpdateVpcPeering } from "../../src/operations.ts";

const core = createCore({ credentials: { ak: "ak", sk: "sk" } });

describe("call", () => {
  test("takes the named method's arguments and resolves to its result", () => {
    const peering = call(core, UpdateVpcPeering, { peering_id: "p", body: { peering: { name: "n" } } }, { timeout: 1000 });
    expectTypeOf(peering).resolves.toEqualTypeOf<UpdateVpcPeeringResponseBody>();
    // project_id may be left out, as in named calls.
    void call(core, UpdateTrafficMirrorSession, { traffic_mirror_session_id: "s", body: { traffic_mirror_session: { name: "n" } } });
    // Nothing required: the arguments may be left out.
    void call(core, KeystoneListProjects);
  });

  test("mistakes do not compile", () => {
    // @ts-expect-error peering_id is required
    void call(core, UpdateVpcPeering, { body: { peering: { name: "n" } } });
    // @ts-expect-error name is a string
    void call(core, UpdateVpcPeering, { peering_id: "p", body: { peering: { name: 2 } } });
    // @ts-expect-error another operation's parameter
    void call(core, UpdateVpcPeering, { peering_id: "p", traffic_mirror_session_id: "s", body: { peering: { name: "n" } } });
    // @ts-expect-error the body is required
    void call(core, UpdateVpcPeering, { peering_id: "p" });
    // @ts-expect-error not an operation descriptor
    void call(core, { id: "UpdateVpcPeering" }, { peering_id: "p", body: { peering: { name: "n" } } });
  });
});
