import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { describeValue, ValidationError } from "../../modules/core";
import { testApp } from "../helpers";

describe("ValidationError", () => {
  test('names the app itself "app", since its construct path is empty', () => {
    const error = new ValidationError(testApp(), "stack name", "network", "a name no other stack of the app has");
    expect(error.constructPath).toBe("app");
    expect(error.message).toBe('app: invalid stack name: received "network"; expected a name no other stack of the app has');
  });

  test("names the construct path, the prop, the value and the expectation", () => {
    const scope = new Construct(Testing.stubVersion(testApp()), "Network");
    const error = new ValidationError(scope, "port", 70000, "a port from 1 to 65535");
    expect(error).toBeInstanceOf(Error);
    expect(error.constructPath).toBe("Network");
    expect(error.prop).toBe("port");
    expect(error.received).toBe("70000");
    expect(error.expected).toBe("a port from 1 to 65535");
    expect(error.message).toBe("Network: invalid port: received 70000; expected a port from 1 to 65535");
  });

  test("renders strings quoted, objects as JSON and long values shortened", () => {
    expect(describeValue("a")).toBe('"a"');
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue({ a: [1] })).toBe('{"a":[1]}');
    expect(describeValue("x".repeat(500)).length).toBeLessThanOrEqual(200);
  });

  test("renders circular values without throwing", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe("[object Object]");
  });

  test("renders constructs in a list by their construct path, not as [object Array]", () => {
    const stack = new TerraformStack(testApp(), "Stack");
    const groups = [new Construct(stack, "Web"), new Construct(stack, "Db")];
    expect(describeValue(groups)).toBe('["<Stack/Web>","<Stack/Db>"]');
    expect(describeValue({ vpc: groups[0], port: 443 })).toBe('{"vpc":"<Stack/Web>","port":443}');
  });
});

test("describeValue says where a value is a Terraform reference instead of showing token placeholders", () => {
  const app = testApp();
  const stack = new TerraformStack(app, "Stack");
  const id = new TerraformVariable(stack, "vpc_id", { type: "string" }).stringValue;
  expect(describeValue(id)).toBe('"<reference known at apply>"');
  expect(describeValue([{ subnetId: id }])).toBe('[{"subnetId":"<reference known at apply>"}]');
  expect(describeValue(new TerraformVariable(stack, "tags", { type: "map(string)" }).value)).toBe("<reference known at apply>");
  const error = new ValidationError(stack, "subnets", "x", `subnets in the zones ${id} is offered in`);
  expect(error.expected).toBe("subnets in the zones <reference known at apply> is offered in");
  expect(error.message).not.toContain("TfToken");
});
