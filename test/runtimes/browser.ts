/** The browser bundle's entry: the page exposes the smoke and fault tests for run.ts to call. */
import { runFaults } from "./faults.ts";
import { runSmoke } from "./smoke.ts";

Object.assign(globalThis, { runSmoke, runFaults });
