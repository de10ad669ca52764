import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { checkTags, Tags } from "../../modules/core";
import { catchValidationError, testApp } from "../helpers";

function tagsOf(stack: TerraformStack, description: string): Record<string, string> {
  const groups = JSON.parse(Testing.synth(stack)).resource.aws_security_group as Record<
    string,
    { description: string; tags: Record<string, string> }
  >;
  return Object.values(groups).find((g) => g.description === description)!.tags;
}

describe("Tags", () => {
  test("propagate to every taggable resource below the scope; explicit tags win; inner scopes win", () => {
    const stack = new TerraformStack(testApp(), "Stack");
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
  const scope = () => new Construct(new TerraformStack(testApp(), "Stack"), "Thing");

  test("accepts AWS's tag keys and values at their limits, and no tags", () => {
    expect(checkTags(scope(), "tags", { "cost-center": "data platform", ["k".repeat(128)]: "v".repeat(256) })).toBeDefined();
    expect(checkTags(scope(), "tags", undefined)).toBeUndefined();
    // Any script and punctuation: EC2 takes any character in tags, so the character set is not checked.
    expect(checkTags(scope(), "tags", { Équipe: "réseau|core", note: "" })).toBeDefined();
    const stack = new TerraformStack(testApp(), "Tokens");
    const token = new TerraformVariable(stack, "owner", { type: "string" }).stringValue;
    expect(checkTags(stack, "tags", { owner: token, [token]: "x" })).toBeDefined();
  });

  test.each([
    [{ "aws:createdBy": "me" }, "tags", "reserves"],
    [{ "AWS:createdBy": "me" }, "tags", "reserves"],
    [{ ["k".repeat(129)]: "v" }, "tags", "1 to 128"],
    [{ team: "v".repeat(257) }, "tags.team", "at most 256"],
    [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])), "tags", "at most 50"],
  ])("fails when the tags are %p", (tags, prop, expected) => {
    const error = catchValidationError(() => checkTags(scope(), "tags", tags));
    expect(error.prop).toBe(prop);
    expect(error.expected).toContain(expected);
  });

  test("fails when the whole map is only known to Terraform (a map variable): constructs merge it with their own tags at synth", () => {
    const stack = new TerraformStack(testApp(), "Variable");
    const tags = new TerraformVariable(stack, "tags", { type: "map(string)" }).value as Record<string, string>;
    const error = catchValidationError(() => checkTags(stack, "tags", tags));
    expect(error.prop).toBe("tags");
    expect(error.expected).toContain("default_tags");
  });

  test("fails when a JavaScript caller passes a list", () => {
    expect(catchValidationError(() => checkTags(scope(), "tags", ["team"] as never)).prop).toBe("tags");
  });
});
