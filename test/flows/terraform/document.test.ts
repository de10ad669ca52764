import { addressNames, referenceTarget, TerraformDocument } from "../../../modules/flows/terraform/document";
import { awsSyntheticAttributes } from "../../../modules/flows/terraform/synthetic";

const json = {
  resource: {
    aws_vpc: {
      main: {
        cidr_block: "10.0.0.0/16",
        "//": { metadata: { path: "stack/Vpc/Resource" }, guardrails_suppressions: { "PN-VPC1": "adopted elsewhere" } },
      },
    },
    aws_subnet: { a: { vpc_id: "${aws_vpc.main.id}", cidr_block: "${cidrsubnet(aws_vpc.main.cidr_block, 8, 1)}" } },
    aws_security_group: {
      web: { vpc_id: "${aws_vpc.main.id}", ingress: [{ security_groups: ["${aws_security_group.lb.id}"], cidr_blocks: null }] },
      lb: { vpc_id: "vpc-0abc" },
    },
  },
};

describe("TerraformDocument", () => {
  const document = TerraformDocument.fromJson("stack", json);
  const block = (address: string) => document.block(address)!;

  it("keeps the // comment of each block and takes the path from cdktf's metadata", () => {
    expect(block("aws_vpc.main")).toMatchObject({
      path: "stack/Vpc/Resource",
      comment: { guardrails_suppressions: { "PN-VPC1": "adopted elsewhere" } },
    });
    expect(block("aws_subnet.a").path).toBe("stack/a");
  });

  it("follows references in raw values, nested ones and those inside function calls included", () => {
    expect(document.referencedBlocks(block("aws_security_group.web").config.ingress).map((b) => b.address)).toEqual(["aws_security_group.lb"]);
    expect(document.refersTo(block("aws_subnet.a").config.cidr_block, block("aws_vpc.main"))).toBe(true);
    expect(document.refersTo(block("aws_security_group.lb").config.vpc_id, block("aws_vpc.main"))).toBe(false);
    expect(document.text(block("aws_subnet.a"), "cidr_block")).toBe("10.0.1.0/24");
  });

  it("assumes a default provider configuration when the JSON declares none", () => {
    expect(document.providers).toEqual([{ key: "aws" }]);
  });
});

describe("references", () => {
  it("name blocks inside modules and count instances by Terraform's full address", () => {
    expect(referenceTarget(["module", "network", "aws_vpc", "this", 0, "id"])).toEqual({
      address: "module.network.aws_vpc.this[0]",
      attribute: ["id"],
    });
    expect(referenceTarget(["module", "az", 1, "data", "aws_x", "y", "arn"])).toEqual({ address: "module.az[1].data.aws_x.y", attribute: ["arn"] });
    expect(referenceTarget(["var", "vpc_id"])).toBeUndefined();
    expect(referenceTarget(["module", "network", "vpc_id"])).toBeUndefined();
  });

  it("without an instance key name every instance; with one, only that instance", () => {
    expect(addressNames("aws_subnet.private", "aws_subnet.private[1]")).toBe(true);
    expect(addressNames("aws_subnet.private[0]", "aws_subnet.private[1]")).toBe(false);
    expect(addressNames("module.network.aws_subnet.private", "module.network.aws_subnet.private[0]")).toBe(true);
    expect(addressNames("aws_subnet.private", "aws_subnet.public[0]")).toBe(false);
    // cdktf writes a counted resource once: a keyed reference names that block.
    expect(addressNames("aws_subnet.private[0]", "aws_subnet.private")).toBe(true);
  });
});

describe("synthetic values", () => {
  test("fails when an internet-facing load balancer's DNS name starts with internal-: only internal ones' do", () => {
    const document = TerraformDocument.fromJson(
      "stack",
      {
        provider: { aws: [{ region: "us-east-1" }] },
        resource: { aws_lb: { public: { name: "public", internal: false }, private: { name: "private", internal: true }, plain: { name: "plain" } } },
      },
      awsSyntheticAttributes,
    );
    const dnsName = (name: string) => document.evaluate(`\${aws_lb.${name}.dns_name}`) as string;
    expect(dnsName("public")).toMatch(/^public-\w+\.elb\.us-east-1\.amazonaws\.com$/);
    expect(dnsName("plain")).toMatch(/^plain-/);
    expect(dnsName("private")).toMatch(/^internal-private-/);
  });
});
