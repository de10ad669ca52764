import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { checkTags, Tags } from "../../modules/core";
import { catchValidationError } from "../helpers";

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

describe("checkTags", () => {
  const scope = () => new TerraformStack(Testing.app(), "Stack");

  test("accepts what AWS accepts: any script, spaces, the allowed punctuation, empty values, tokens", () => {
    const stack = scope();
    const token = new TerraformVariable(stack, "owner", { type: "string" }).stringValue;
    expect(() => checkTags(stack, "tags", { "cost-center": "a/b:c=d+e@f", Équipe: "réseau", note: "", owner: token, [token]: "x" })).not.toThrow();
  });

  test.each([
    ["the tags are a list", ["team"], "tags"],
    ["a key starts with aws:", { "AWS:owner": "x" }, "tags"],
    ["a key is longer than 128 characters", { ["k".repeat(129)]: "x" }, "tags"],
    ["a value is a number", { port: 443 }, "tags.port"],
    ["a value has a character AWS refuses", { team: "a|b" }, "tags.team"],
  ])("fails when %s", (_, tags, prop) => {
    expect(catchValidationError(() => checkTags(scope(), "tags", tags as unknown as Record<string, string>)).prop).toBe(prop);
  });
});
