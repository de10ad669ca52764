import { App, Lazy, TerraformStack, Testing, Tokenization } from "cdktf";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
// Named here so that test/speed-setup.ts leaves the traces on in this file (it looks for this module's path).
import "cdktf/lib/tokens/private/stack-trace";
import { disableTokenCreationStackTraces } from "../../modules/core/synth-performance";

function synthesize(): string {
  const stack = new TerraformStack(Testing.stubVersion(new App({ outdir: "/tmp/unused", skipValidation: true })), "Stack");
  const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.0.0.0/16" });
  new Subnet(stack, "Subnet", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24" });
  return Testing.synth(stack);
}

/** The trace a new token records where it is created, as the runtime at hand (cdktf or cdktn, see npm run cdktn) keeps it. */
function creationStackOfNewToken(): string[] {
  return Tokenization.reverseString(Lazy.stringValue({ produce: () => "value" })).firstToken!.creationStack;
}

describe("disableTokenCreationStackTraces", () => {
  test("stops the runtime recording a trace per token and changes no output", () => {
    const before = synthesize();
    expect(creationStackOfNewToken().length).toBeGreaterThan(0);
    expect(disableTokenCreationStackTraces()).toBe(true);
    expect(creationStackOfNewToken()).toEqual([]);
    expect(synthesize()).toBe(before);
  });
});
