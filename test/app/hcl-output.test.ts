import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { fixHclOutput, PrivateNetworkingStack } from "../../modules/app";

function variables(stack: TerraformStack): void {
  new TerraformVariable(stack, "enable_private_dns", { type: "bool", default: false });
  new TerraformVariable(stack, "extra_ports", { type: "number", default: 0 });
  new TerraformVariable(stack, "suffix", { type: "string", default: "" });
  new TerraformVariable(stack, "partner_role", { type: "string", nullable: false, sensitive: false });
}

/** The body of `variable "<name>" { ... }` in cdktf's HCL output. */
function variableBlock(hcl: string, name: string): string {
  return new RegExp(`variable "${name}" \\{([^}]*)\\}`).exec(hcl)?.[1] ?? "";
}

describe("fixHclOutput", () => {
  test("cdktf 0.21 alone drops falsy variable arguments from HCL (this test tells when the fix is no longer needed)", () => {
    const plain = new TerraformStack(Testing.app(), "plain");
    variables(plain);
    const hcl: string = Testing.synthHcl(plain);
    expect(variableBlock(hcl, "enable_private_dns")).not.toMatch(/default/);
    expect(variableBlock(hcl, "partner_role")).not.toMatch(/nullable/);
  });

  test("keeps a false, 0 or empty default and nullable = false, sensitive = false in the HCL", () => {
    const fixed = new TerraformStack(Testing.app(), "fixed");
    variables(fixed);
    fixHclOutput(fixed);
    const hcl: string = Testing.synthHcl(fixed);
    expect(variableBlock(hcl, "enable_private_dns")).toMatch(/default = false/);
    expect(variableBlock(hcl, "extra_ports")).toMatch(/default = 0/);
    expect(variableBlock(hcl, "suffix")).toMatch(/default = ""/);
    expect(variableBlock(hcl, "partner_role")).toMatch(/nullable = false/);
    expect(variableBlock(hcl, "partner_role")).toMatch(/sensitive = false/);
  });

  test("changes nothing in the JSON output", () => {
    const plain = new TerraformStack(Testing.app(), "same");
    variables(plain);
    const fixed = new TerraformStack(Testing.app(), "same");
    variables(fixed);
    fixHclOutput(fixed);
    expect(JSON.parse(Testing.synth(fixed)).variable).toEqual(JSON.parse(Testing.synth(plain)).variable);
  });

  test("is what every PrivateNetworkingStack gets", () => {
    const stack = new PrivateNetworkingStack(Testing.app(), "network", { region: "us-east-1", env: {} });
    new TerraformVariable(stack, "enable_private_dns", { type: "bool", default: false });
    expect(variableBlock(Testing.synthHcl(stack), "enable_private_dns")).toMatch(/default = false/);
  });
});
