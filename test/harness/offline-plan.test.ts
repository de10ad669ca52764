import { mockTest, planOverride, planStrategy } from "../../tools/harness/offline-plan";
import { firstError } from "../../tools/harness/batch";

describe("offline plan strategy", () => {
  test("plans for real unless the stack reads data sources or assumes roles", () => {
    expect(planStrategy({ provider: { aws: [{}] }, resource: { aws_vpc: {} } })).toBe("plan");
    expect(planStrategy({ provider: { aws: [{}] }, data: { aws_vpc_endpoint_service: {} } })).toBe("mock");
    expect(planStrategy({ provider: { aws: [{}, { alias: "partner", assume_role: [{ role_arn: "x" }] }] } })).toBe("mock");
  });

  test("the plan override configures every provider alias offline", () => {
    const override = JSON.parse(planOverride({ provider: { aws: [{}, { alias: "partner" }] } }));
    expect(override.provider.aws).toEqual([
      expect.objectContaining({
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
        allowed_account_ids: null,
      }),
      expect.objectContaining({ alias: "partner", skip_credentials_validation: true }),
    ]);
    expect(override.provider.aws[0]).not.toHaveProperty("alias");
    // The account stays unknown offline, so the account check the example stacks configure is lifted for the plan.
    expect(override.provider.aws.map((p: { allowed_account_ids?: unknown }) => p.allowed_account_ids)).toEqual([null, null]);
  });

  test("the mock test mocks every alias, with defaults only for the types the stack uses", () => {
    const text = mockTest({
      provider: { aws: [{}, { alias: "partner" }] },
      data: { aws_vpc_endpoint_service: {} },
      resource: { aws_vpc_endpoint: {} },
    });
    expect(text.match(/mock_provider "aws" \{/g)).toHaveLength(2);
    expect(text).toContain('alias = "partner"');
    expect(text).toContain('mock_data "aws_vpc_endpoint_service"');
    expect(text).toContain('availability_zones = ["us-east-1a", "us-east-1b", "us-east-1c"]');
    expect(text).toContain('mock_resource "aws_vpc_endpoint"');
    expect(text).not.toContain('"aws_lb"');
    expect(text).toMatch(/run "apply" \{\n  command = apply\n\}/);
  });
});

describe("firstError", () => {
  test("returns terraform's first error summary", () => {
    const output = [
      "Initializing...",
      "",
      "Error: expected length of name to be in the range (3 - 40), got ab",
      "",
      "  with aws_vpclattice_service.x,",
      "  on main.tf.json line 4, in resource.aws_vpclattice_service.x:",
      "Error: second",
    ].join("\n");
    expect(firstError(output)).toBe("Error: expected length of name to be in the range (3 - 40), got ab");
    expect(firstError("│ Error: Invalid reference\n│ \n│ A reference to a resource type must be followed")).toBe("Error: Invalid reference");
    expect(firstError("\nsomething else went wrong\n")).toBe("something else went wrong");
  });
});
