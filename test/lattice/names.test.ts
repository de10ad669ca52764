import { Lazy, TerraformOutput, TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { checkLatticeName, idOfArn } from "../../modules/lattice";
import { expectValidationError, stackWithProvider, testApp } from "../helpers";

const limits = { min: 3, max: 40, reservedPrefix: "svc-" };

describe("checkLatticeName", () => {
  test("accepts lowercase names with single inner hyphens, and skips tokens", () => {
    const stack = stackWithProvider();
    for (const name of ["abc", "orders-api", "a1-b2-c3", "x".repeat(40), Lazy.stringValue({ produce: () => "Not-Checked" })]) {
      expect(() => checkLatticeName(stack, "name", name, limits)).not.toThrow();
    }
  });

  test("fails when a name is too short or long, has other characters, a leading, trailing or double hyphen, or the reserved prefix", () => {
    const stack = stackWithProvider();
    for (const name of ["ab", "x".repeat(41), "Orders", "orders_api", "-orders", "orders-", "or--ders", "svc-orders"]) {
      expectValidationError(() => checkLatticeName(stack, "name", name, limits), "name", JSON.stringify(name));
    }
  });
});

describe("idOfArn", () => {
  test("takes the ID of a literal ARN, and splits a reference in Terraform", () => {
    expect(idOfArn("arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0")).toBe("svc-0123456789abcdef0");
    const stack = new TerraformStack(testApp(), "ids");
    const arn = new TerraformVariable(stack, "service_arn", { type: "string" }).stringValue;
    const id = idOfArn(arn);
    expect(typeof id).toBe("string");
    expect(Token.isUnresolved(id)).toBe(true);
    new TerraformOutput(stack, "id", { value: id });
    expect(JSON.parse(Testing.synth(stack)).output.id.value).toBe('${element(split("/", var.service_arn), 1)}');
  });
});
