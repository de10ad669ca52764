import { evaluateString, referencesIn, TerraformDocument, TfValue, Unknown } from "../../modules/flows/terraform";
import { awsSyntheticAttributes } from "../../modules/flows/terraform/synthetic";

const none = (): TfValue => new Unknown("none");

describe("Terraform expressions", () => {
  test("evaluates the jsonencode object syntax cdktf writes, with references inside", () => {
    const text =
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Condition" = {"StringEquals" = {"vpc-lattice-svcs:SourceVpc" = [aws_vpc.a.id, aws_vpc.b.id]}}}]})}';
    const value = evaluateString(text, (steps) => `vpc-${String(steps[1])}`);
    expect(JSON.parse(value as string)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Condition: { StringEquals: { "vpc-lattice-svcs:SourceVpc": ["vpc-a", "vpc-b"] } } }],
    });
  });

  test("computes cidrsubnet, element/split, join, conditionals and string templates", () => {
    expect(evaluateString('${cidrsubnet("10.92.0.0/16", 8, 1)}', none)).toBe("10.92.1.0/24");
    expect(evaluateString('${element(split(".", "com.amazonaws.vpce.us-east-1.vpce-svc-0a"), 4)}', none)).toBe("vpce-svc-0a");
    expect(evaluateString('${join(",", ["a", "b"])}', none)).toBe("a,b");
    expect(evaluateString('${1 == 1 ? "yes" : "no"}', none)).toBe("yes");
    expect(evaluateString("${aws_x.y.arn}/*", (steps) => `arn:${String(steps[1])}`)).toBe("arn:y/*");
    expect(evaluateString('${"a\\"b"}', none)).toBe('a"b');
  });

  test("reads indexed references (dns_entry[0].dns_name, .0.)", () => {
    const seen: (string | number)[][] = [];
    evaluateString("${aws_vpc_endpoint.e.dns_entry[0].dns_name}", (steps) => {
      seen.push([...steps]);
      return "x";
    });
    expect(seen).toEqual([["aws_vpc_endpoint", "e", "dns_entry", 0, "dns_name"]]);
    expect(referencesIn('${matchkeys([aws_subnet.a.id], ["us-east-1a"], data.aws_vpc_endpoint_service.s.availability_zones)}')).toEqual([
      ["aws_subnet", "a", "id"],
      ["data", "aws_vpc_endpoint_service", "s", "availability_zones"],
    ]);
  });

  test("fails when the syntax is unknown: the value becomes Unknown instead of an error", () => {
    expect(evaluateString("${[for s in var.x : s]}", none)).toBeInstanceOf(Unknown);
    expect(evaluateString("${some_function_we_do_not_know(1)}", none)).toBeInstanceOf(Unknown);
    expect(evaluateString("${aws_x.y[*].id}", none)).toBeInstanceOf(Unknown);
  });
});

describe("TerraformDocument", () => {
  const json = {
    provider: {
      aws: [
        { region: "eu-west-1", allowed_account_ids: ["111111111111"] },
        { alias: "partner", region: "eu-west-1", assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/deploy" }] },
      ],
    },
    variable: { vpc_cidr: { type: "string", default: "10.20.0.0/16" } },
    resource: {
      aws_vpc: { main: { cidr_block: "${var.vpc_cidr}", "//": { metadata: { path: "s/Vpc/Resource" } } } },
      aws_subnet: { a: { vpc_id: "${aws_vpc.main.id}", cidr_block: "${cidrsubnet(aws_vpc.main.cidr_block, 8, 2)}", provider: "${aws.partner}" } },
    },
  };
  const document = TerraformDocument.fromJson("s", json, awsSyntheticAttributes);

  test("reads accounts from allowed_account_ids or the assumed role, and each block's provider", () => {
    expect(document.providers.map((p) => [p.key, p.accountId, p.region])).toEqual([
      ["aws", "111111111111", "eu-west-1"],
      ["aws.partner", "222222222222", "eu-west-1"],
    ]);
    expect(document.block("aws_subnet.a")?.provider).toBe("aws.partner");
    expect(document.block("aws_vpc.main")?.path).toBe("s/Vpc/Resource");
  });

  test("follows references into other blocks and variable defaults", () => {
    const subnet = document.block("aws_subnet.a")!;
    expect(document.value(subnet, "cidr_block")).toBe("10.20.2.0/24");
    const id = document.value(subnet, "vpc_id");
    expect(id).toMatch(/^vpc-[0-9a-f]{17}$/);
    // The same reference always gives the same synthetic ID, so rules and policies naming it agree.
    expect(document.evaluate("${aws_vpc.main.id}")).toBe(id);
    expect(document.evaluate("${aws_vpc.main.arn}")).toBe(`arn:aws:ec2:eu-west-1:111111111111:vpc/${String(id)}`);
  });
});
