/**
 * Tests synthesize as the app does (main.ts): without cdktf's per-token
 * creation stack traces. Under jest every trace also goes through jest's
 * source-map support, which parses the inline source maps of cdktf and the
 * provider classes: half of the whole unit-test CPU time (63 -> 31 CPU-s).
 * The traces change no output (test/core/synth-performance.test.ts); a test
 * file that imports cdktf's stack-trace hook gets cdktf's default instead.
 */
import { readFileSync } from "node:fs";
import { disableTokenCreationStackTraces } from "../modules/core/synth-performance";

const testPath = expect.getState().testPath;
const inspectsTraces = testPath !== undefined && readFileSync(testPath, "utf8").includes("cdktf/lib/tokens/private/stack-trace");
if (!inspectsTraces) disableTokenCreationStackTraces();
