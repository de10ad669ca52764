import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Tags } from "../../modules/core";

function tagsOf(stack: TerraformStack, description: string): Record<string, string> {
  const groups = JSON.parse(Testing.synth(stack)).resource.aws_security_group as Record<string, { description: string; tags: Record<string, string> }>;
  return Object.values(groups).find((g) => g.description === description)!.tags;
}

describe("Tags", () => {
  test("propagate to every taggable resource below the scope; explicit tags win; inner scopes win", () => {
    const stack = new TerraformStack(Testing.app(), "Stack");
    const outer = new Construct(stack, "Outer");
    const inner = new Construct(outer, "Inner");
    new SecurityGroup(inner, "Group", { description: "x", tags: { team: "explicit" } });
    new SecurityGroup(outer, "Other", { description: "y" });
    Tags.of(outer).add("env", "prod");
    Tags.of(outer).add("team", "outer");
    Tags.of(outer).add("owner", "outer");
    Tags.of(inner).add("owner", "inner");

    expect(tagsOf(stack, "x")).toEqual({ team: "explicit", env: "prod", owner: "inner" });
    expect(tagsOf(stack, "y")).toEqual({ env: "prod", team: "outer", owner: "outer" });
  });
});
