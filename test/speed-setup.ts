/**
 * Tests synthesize as the app does (main.ts): without cdktf's per-token
 * creation stack traces, which cost half of the unit tests' CPU time when
 * they were on. The traces change no output
 * (test/core/synth-performance.test.ts, which checks that in a process of
 * its own, where they are still on).
 */
import { disableTokenCreationStackTraces } from "../modules/core/synth-performance";

disableTokenCreationStackTraces();
