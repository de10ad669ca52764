import { describeShapeProblem, synthesizedJsonProblem } from "../../modules/core/terraform-json-shape";

describe("describeShapeProblem", () => {
  test("says what was found: a missing part, null, a list, an object, or a value with its type", () => {
    const problem = (value: unknown) => describeShapeProblem({ path: "resource.aws_vpc", value, expected: "an object" });
    expect(problem(undefined)).toBe("resource.aws_vpc is missing; expected an object");
    expect(problem(null)).toBe("resource.aws_vpc is null; expected an object");
    expect(problem([])).toBe("resource.aws_vpc is a list; expected an object");
    expect(problem(5)).toBe("resource.aws_vpc is number 5; expected an object");
  });

  test("synthesizedJsonProblem names the first part of cdktf's JSON that is not shaped as Terraform writes it", () => {
    expect(synthesizedJsonProblem({ resource: { aws_vpc: { main: {} } } })).toBeUndefined();
    expect(describeShapeProblem(synthesizedJsonProblem({ resource: 5 })!)).toMatch(/^resource is number 5; expected an object of resource types/);
  });
});
