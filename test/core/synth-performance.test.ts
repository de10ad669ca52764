import { App, TerraformStack, Testing } from "cdktf";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import * as stackTraceHook from "cdktf/lib/tokens/private/stack-trace";
import { disableTokenCreationStackTraces } from "../../modules/core/synth-performance";

function synthesize(): string {
  const stack = new TerraformStack(Testing.stubVersion(new App({ outdir: "/tmp/unused", skipValidation: true })), "Stack");
  const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.0.0.0/16" });
  new Subnet(stack, "Subnet", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24" });
  return Testing.synth(stack);
}

describe("disableTokenCreationStackTraces", () => {
  test("finds cdktf's stack-trace hook, stops recording traces and changes no output", () => {
    const before = synthesize();
    expect(stackTraceHook.captureStackTrace().length).toBeGreaterThan(0);
    expect(disableTokenCreationStackTraces()).toBe(true);
    expect(stackTraceHook.captureStackTrace()).toEqual([]);
    expect(synthesize()).toBe(before);
  });
});
