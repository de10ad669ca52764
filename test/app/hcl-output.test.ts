import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { fixHclOutput, PrivateNetworkingStack } from "../../modules/app";
import { catchValidationError, testApp } from "../helpers";

function variables(stack: TerraformStack): void {
  new TerraformVariable(stack, "enable_private_dns", { type: "bool", default: false });
  new TerraformVariable(stack, "extra_ports", { type: "number", default: 0 });
  new TerraformVariable(stack, "suffix", { type: "string", default: "" });
  new TerraformVariable(stack, "partner_role", { type: "string", nullable: false, sensitive: false });
}

/** A resource, a data source and an output that each wait for others, on the default and an aliased provider, and a lifecycle list. */
function references(stack: TerraformStack): void {
  const aws = new AwsProvider(stack, "aws", { region: "us-east-1" });
  const consumer = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer" });
  const vpc = new Vpc(stack, "Vpc", { cidrBlock: "10.0.0.0/16", provider: aws, lifecycle: { ignoreChanges: ["tags"] } });
  const region = new DataAwsRegion(stack, "Region", { dependsOn: [vpc], provider: consumer });
  new Subnet(stack, "Subnet", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", dependsOn: [vpc, region] });
  new TerraformOutput(stack, "vpc_id", { value: vpc.id, dependsOn: [vpc] });
}

/** The reference lists and provider references of cdktf's HCL output, each as written. */
function referencesOf(hcl: string): { lists: string[]; providers: string[] } {
  return {
    lists: [...hcl.matchAll(/(?:depends_on|ignore_changes) = \[\n([^\]]*)\]/g)].map((match) => match[1]),
    providers: [...hcl.matchAll(/^provider = (.*)$/gm)].map((match) => match[1]),
  };
}

/** The references of the fixture's HCL as cdktf writes them, alone or with fixHclOutput. */
function referencesWritten({ fixed }: { fixed: boolean }): { lists: string[]; providers: string[] } {
  const stack = new TerraformStack(testApp(), fixed ? "fixed" : "plain");
  references(stack);
  if (fixed) fixHclOutput(stack);
  return referencesOf(Testing.synthHcl(stack));
}

/** The body of `variable "<name>" { ... }` in cdktf's HCL output. */
function variableBlock(hcl: string, name: string): string {
  return new RegExp(`variable "${name}" \\{([^}]*)\\}`).exec(hcl)?.[1] ?? "";
}

describe("fixHclOutput", () => {
  test("cdktf 0.21 alone drops falsy variable arguments from HCL (this test tells when the fix is no longer needed)", () => {
    const plain = new TerraformStack(testApp(), "plain");
    variables(plain);
    const hcl: string = Testing.synthHcl(plain);
    expect(variableBlock(hcl, "enable_private_dns")).not.toMatch(/default/);
    expect(variableBlock(hcl, "partner_role")).not.toMatch(/nullable/);
  });

  test("keeps a false, 0 or empty default and nullable = false, sensitive = false in the HCL", () => {
    const fixed = new TerraformStack(testApp(), "fixed");
    variables(fixed);
    fixHclOutput(fixed);
    const hcl: string = Testing.synthHcl(fixed);
    expect(variableBlock(hcl, "enable_private_dns")).toMatch(/default = false/);
    expect(variableBlock(hcl, "extra_ports")).toMatch(/default = 0/);
    expect(variableBlock(hcl, "suffix")).toMatch(/default = ""/);
    expect(variableBlock(hcl, "partner_role")).toMatch(/nullable = false/);
    expect(variableBlock(hcl, "partner_role")).toMatch(/sensitive = false/);
  });

  test("cdktf 0.21 alone quotes references, which Terraform deprecated (this test tells when the fix is no longer needed)", () => {
    expect(referencesWritten({ fixed: false })).toEqual({
      lists: ['"tags",\n', '"aws_vpc.Vpc",\n', '"aws_vpc.Vpc",\n"data.aws_region.Region",\n', '"${aws_vpc.Vpc}"\n'],
      providers: ['"aws"', '"aws.consumer"'],
    });
  });

  test("writes depends_on entries, lifecycle lists and providers as references", () => {
    expect(referencesWritten({ fixed: true })).toEqual({
      lists: ["tags,\n", "aws_vpc.Vpc,\n", "aws_vpc.Vpc,\ndata.aws_region.Region,\n", "aws_vpc.Vpc\n"],
      providers: ["aws", "aws.consumer"],
    });
  });

  test("writes ignore_changes = all as the keyword, which terraform validate rejects quoted", () => {
    const stack = new TerraformStack(testApp(), "ignore-all");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    new Vpc(stack, "Vpc", { cidrBlock: "10.0.0.0/16", lifecycle: { ignoreChanges: "all" } });
    fixHclOutput(stack);
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toMatch(/^\s*ignore_changes = all$/m);
    expect(hcl).not.toContain('"all"');
  });

  test("fails when given no stack", () => {
    for (const stack of [undefined, new AwsProvider(new TerraformStack(testApp(), "p"), "aws", { region: "us-east-1" })])
      expect(catchValidationError(() => fixHclOutput(stack as never))).toMatchObject({ constructPath: "fixHclOutput", prop: "stack" });
  });

  test("changes nothing in the JSON output", () => {
    const plain = new TerraformStack(testApp(), "same");
    variables(plain);
    references(plain);
    const fixed = new TerraformStack(testApp(), "same");
    variables(fixed);
    references(fixed);
    fixHclOutput(fixed);
    expect(JSON.parse(Testing.synth(fixed))).toEqual(JSON.parse(Testing.synth(plain)));
  });

  test("is what every PrivateNetworkingStack gets", () => {
    const stack = new PrivateNetworkingStack(testApp(), "network", { region: "us-east-1", env: {} });
    new TerraformVariable(stack, "enable_private_dns", { type: "bool", default: false });
    expect(variableBlock(Testing.synthHcl(stack), "enable_private_dns")).toMatch(/default = false/);
  });
});
