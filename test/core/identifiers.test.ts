import fc from "fast-check";
import { TerraformStack, TerraformVariable } from "cdktf";
import { checkResourceId, RESOURCE_ID_KINDS, resourceIdKindOf, ResourceIdKind } from "../../modules/core";
import { catchValidationError, testApp } from "../helpers";

const scope = new TerraformStack(testApp(), "ids");

describe("resource IDs", () => {
  test("every kind's example is of that kind and of no other", () => {
    for (const [kind, spec] of Object.entries(RESOURCE_ID_KINDS))
      expect({ kind, found: resourceIdKindOf(spec.example) }).toEqual({ kind, found: kind });
  });

  test("fails when an ID of another kind is given, naming the kind it is", () => {
    const error = catchValidationError(() => checkResourceId(scope, "vpcId", "subnet-0123456789abcdef0", "vpc"));
    expect(error.prop).toBe("vpcId");
    expect(error.expected).toBe("a VPC ID such as vpc-0123456789abcdef0 (this is a subnet ID)");
    expect(catchValidationError(() => checkResourceId(scope, "endpointServiceId", "svc-0123456789abcdef0", "endpointService")).expected).toMatch(
      /this is a VPC Lattice service ID/,
    );
  });

  test("fails when the ID has upper-case hex or the wrong length", () => {
    expect(() => checkResourceId(scope, "vpcId", "vpc-0123456789ABCDEF0", "vpc")).toThrow(/a VPC ID/);
    expect(() => checkResourceId(scope, "vpcId", "vpc-0123", "vpc")).toThrow(/a VPC ID/);
  });

  test("short (8) and long (17) EC2 IDs are both accepted, and references are skipped", () => {
    checkResourceId(scope, "vpcId", "vpc-0a1b2c3d", "vpc");
    checkResourceId(scope, "vpcId", new TerraformVariable(scope, "vpc_id", { type: "string" }).stringValue, "vpc");
  });

  test("property: a well-formed EC2 ID of one kind is never taken for another kind", () => {
    const ec2: ResourceIdKind[] = [
      "vpc",
      "subnet",
      "securityGroup",
      "routeTable",
      "prefixList",
      "vpcEndpoint",
      "endpointService",
      "transitGateway",
      "instance",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...ec2), fc.stringMatching(/^[0-9a-f]{17}$/), (kind, hex) => {
        const id = `${RESOURCE_ID_KINDS[kind].example.replace(/[0-9a-f]{17}$/, "")}${hex}`;
        expect(resourceIdKindOf(id)).toBe(kind);
      }),
    );
  });
});
