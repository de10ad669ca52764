import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Unknown } from "../../../modules/flows/terraform/expressions";
import { documentFromPlan, isPlanJson } from "../../../modules/flows/terraform/plan";

/** `terraform show -json` of test/fixtures/hcl-plan (test/cli/guardrails-hcl.test.ts keeps it current). */
const fixture = JSON.parse(readFileSync(join(__dirname, "..", "..", "fixtures", "hcl-plan", "plan.json"), "utf8"));

describe("documentFromPlan over a real plan", () => {
  const document = documentFromPlan("hcl-plan", fixture);
  const block = (address: string) => {
    const found = document.block(address);
    if (found === undefined) throw new Error(`no block ${address}`);
    return found;
  };

  it("reads every resource, child modules and count and for_each instances included, under Terraform's addresses", () => {
    expect(document.blocks.map((b) => b.address)).toEqual(
      expect.arrayContaining([
        "aws_vpc.legacy",
        'aws_vpc_endpoint.interface["logs"]',
        "module.network.aws_vpc.this[0]",
        "module.network.aws_subnet.private[1]",
        "module.web.aws_vpc_security_group_ingress_rule.https",
      ]),
    );
    expect(block("module.network.aws_subnet.private[1]")).toMatchObject({
      type: "aws_subnet",
      name: "private",
      mode: "resource",
      path: "module.network.aws_subnet.private[1]",
    });
  });

  it("keeps the arguments the configuration writes, with the plan's values, and leaves the provider's defaults out", () => {
    // The plan says vpc_endpoint_type = "Gateway"; the author wrote none, which is what PN-EP1 is about.
    expect(Object.keys(block("aws_vpc_endpoint.s3").config).sort()).toEqual(["policy", "service_name", "vpc_id"]);
    expect(block("module.network.aws_subnet.private[1]").config).toMatchObject({ cidr_block: "10.0.1.0/24", availability_zone: "us-east-1b" });
    expect(block("aws_security_group.endpoints").config.ingress).toEqual([expect.objectContaining({ cidr_blocks: ["10.0.0.0/16"], from_port: 443 })]);
  });

  it("turns values known only after apply into references, through module inputs and outputs", () => {
    expect(block("module.web.aws_security_group.this").config.vpc_id).toBe("${module.network.aws_vpc.this[0].id}");
    const logs = block('aws_vpc_endpoint.interface["logs"]');
    expect(logs.config.subnet_ids).toBe("${module.network.aws_subnet.private}");
    expect(document.referencedBlocks(logs.config.subnet_ids).map((b) => b.address)).toEqual([
      "module.network.aws_subnet.private[0]",
      "module.network.aws_subnet.private[1]",
    ]);
    // A for_each key names its instance only: the kms policy is not the logs endpoint's.
    const policyTarget = block("aws_vpc_endpoint_policy.kms").config.vpc_endpoint_id;
    expect(policyTarget).toBe('${aws_vpc_endpoint.interface["kms"].id}');
    expect(document.referencedBlocks(policyTarget).map((b) => b.address)).toEqual(['aws_vpc_endpoint.interface["kms"]']);
    expect(document.refersTo(policyTarget, logs)).toBe(false);
    expect(document.refersTo(block("module.network.aws_default_security_group.this").config.vpc_id, block("module.network.aws_vpc.this[0]"))).toBe(
      true,
    );
    expect(document.value(logs, "vpc_id")).toBeInstanceOf(Unknown);
    expect(document.text(logs, "service_name")).toBe("com.amazonaws.us-east-1.logs");
  });

  it("reads the provider configuration's constants", () => {
    expect(document.providers).toEqual([expect.objectContaining({ key: "aws", region: "us-east-1" })]);
  });
});

describe("documentFromPlan", () => {
  /** A plan trimmed from `terraform show -json`: one security group with dynamic and static ingress, one load balancer. */
  const plan = {
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: [
          {
            address: "aws_security_group.web",
            mode: "managed",
            type: "aws_security_group",
            name: "web",
            values: {
              description: "web",
              ingress: [
                { cidr_blocks: ["0.0.0.0/0"], from_port: 443, protocol: "tcp", security_groups: [], to_port: 443 },
                { cidr_blocks: [], from_port: 80, protocol: "tcp", to_port: 80 },
              ],
              revoke_rules_on_delete: false,
            },
          },
          {
            address: "aws_lb.internal",
            mode: "managed",
            type: "aws_lb",
            name: "internal",
            values: { access_logs: [{ enabled: true, prefix: null }], internal: true, name: "internal", enable_deletion_protection: false },
          },
        ],
      },
    },
    resource_changes: [
      {
        address: "aws_security_group.web",
        change: { after_unknown: { id: true, ingress: [{ security_groups: [] }, { security_groups: true }], name: true } },
      },
      { address: "aws_lb.internal", change: { after_unknown: { access_logs: [{ bucket: true }], security_groups: true, arn: true } } },
    ],
    configuration: {
      root_module: {
        resources: [
          {
            address: "aws_security_group.web",
            expressions: {
              description: { constant_value: "web" },
              // Dynamic blocks leave only the references of the whole argument.
              ingress: { references: ["aws_security_group.lb.id", "aws_security_group.lb"] },
              // name = "${var.prefix}-${uuid()}": unknown until apply, and no block decides it.
              name: { references: ["var.prefix"] },
            },
          },
          {
            address: "aws_lb.internal",
            expressions: {
              access_logs: [{ bucket: { references: ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs"] }, enabled: { constant_value: true } }],
              internal: { constant_value: true },
              name: { constant_value: "internal" },
              security_groups: {
                references: ["aws_security_group.lb.id", "aws_security_group.lb", "aws_security_group.web.id", "aws_security_group.web"],
              },
            },
          },
        ],
      },
    },
  };
  const document = documentFromPlan("trimmed", plan);
  const config = (address: string) => document.block(address)?.config ?? {};

  it("fills unknown parts of nested blocks with the references of the block they came from", () => {
    expect(config("aws_security_group.web").ingress).toEqual([
      { cidr_blocks: ["0.0.0.0/0"], from_port: 443, protocol: "tcp", security_groups: [], to_port: 443 },
      { cidr_blocks: [], from_port: 80, protocol: "tcp", to_port: 80, security_groups: "${aws_security_group.lb.id}" },
    ]);
    expect(config("aws_lb.internal").access_logs).toEqual([{ enabled: true, bucket: "${aws_s3_bucket.logs.id}" }]);
  });

  it("writes several dependencies as a list, and none as known after apply", () => {
    expect(config("aws_lb.internal").security_groups).toEqual(["${aws_security_group.lb.id}", "${aws_security_group.web.id}"]);
    expect(config("aws_security_group.web").name).toBe("${(known after apply)}");
    expect(document.evaluate(config("aws_security_group.web").name)).toBeInstanceOf(Unknown);
    // Written arguments only: the plan's enable_deletion_protection = false is the provider's default.
    expect(Object.keys(config("aws_lb.internal")).sort()).toEqual(["access_logs", "internal", "name", "security_groups"]);
  });

  it("tells plans from other JSON, and refuses what is not a plan with a message that says what it expects", () => {
    expect(isPlanJson(plan)).toBe(true);
    expect(isPlanJson({ resource: {}, "//": { metadata: {} } })).toBe(false);
    expect(() => documentFromPlan("state.json", { format_version: "1.0", values: { root_module: {} } })).toThrow(
      "state.json: not the JSON of `terraform show -json <planfile>` (it needs planned_values.root_module and configuration.root_module)",
    );
  });
});

describe("documentFromPlan over a plan made after apply (test/fixtures/hcl-plan-applied)", () => {
  const applied = join(__dirname, "..", "..", "fixtures", "hcl-plan-applied");
  const read = (file: string) => JSON.parse(readFileSync(join(applied, file), "utf8")) as Record<string, unknown>;
  const known = read("plan.json");
  const idOf = (plan: Record<string, unknown>, address: string): string => {
    const resources = (plan as { planned_values: { root_module: { resources: { address: string; values: { id: string } }[] } } }).planned_values
      .root_module.resources;
    const found = resources.find((r) => r.address === address);
    if (found === undefined) throw new Error(`no ${address}`);
    return found.values.id;
  };
  const blockIn = (document: ReturnType<typeof documentFromPlan>, address: string) => {
    const found = document.block(address);
    if (found === undefined) throw new Error(`no block ${address}`);
    return found;
  };

  it("writes a known ID as the reference the configuration makes, evaluating to the plan's ID: single, for_each and count instances", () => {
    const document = documentFromPlan("applied", known);
    const vpcId = (address: string) => blockIn(document, address).config.vpc_id;
    expect(vpcId("aws_flow_log.main")).toBe("${aws_vpc.main.id}");
    expect(vpcId('aws_flow_log.spoke["b"]')).toBe('${aws_vpc.spoke["b"].id}');
    expect(vpcId("aws_flow_log.counted[1]")).toBe("${aws_vpc.counted[1].id}");
    expect(vpcId("aws_default_security_group.bare")).toBe("${aws_vpc.bare.id}");
    expect(document.refersTo(vpcId('aws_flow_log.spoke["b"]'), blockIn(document, 'aws_vpc.spoke["b"]'))).toBe(true);
    expect(document.refersTo(vpcId('aws_flow_log.spoke["b"]'), blockIn(document, 'aws_vpc.spoke["a"]'))).toBe(false);
    expect(document.refersTo(vpcId("aws_flow_log.counted[1]"), blockIn(document, "aws_vpc.counted[0]"))).toBe(false);
    expect(document.value(blockIn(document, "aws_flow_log.main"), "vpc_id")).toBe(idOf(known, "aws_vpc.main"));
    // Attributes the configuration does not write are the plan's values, as text.
    expect(document.evaluate("${aws_flow_log.main.log_format}")).toMatch(/^\$\{version\} \$\{account-id\}/);
    // Known values that are no referenced block's ID stay as planned.
    expect(blockIn(document, "aws_flow_log.main").config.log_destination).toBe("arn:aws:s3:::flow-logs-bucket");
    expect(blockIn(document, "aws_vpc.main").config.cidr_block).toBe("10.0.0.0/16");
  });

  it("keeps a known ID that is not the referenced block's as the literal it is", () => {
    // The configuration says aws_vpc.main; the value is aws_vpc.bare's ID (state drifted, or edited): no link is made up.
    const edited = JSON.parse(JSON.stringify(known)) as typeof known & {
      planned_values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } };
    };
    const log = edited.planned_values.root_module.resources.find((r) => r.address === "aws_flow_log.main");
    if (log === undefined) throw new Error("no aws_flow_log.main");
    log.values.vpc_id = idOf(known, "aws_vpc.bare");
    const document = documentFromPlan("edited", edited);
    const vpcId = blockIn(document, "aws_flow_log.main").config.vpc_id;
    expect(vpcId).toBe(idOf(known, "aws_vpc.bare"));
    expect(document.refersTo(vpcId, blockIn(document, "aws_vpc.main"))).toBe(false);
    expect(document.refersTo(vpcId, blockIn(document, "aws_vpc.bare"))).toBe(false);
  });

  it("follows each.value to the for_each instance with the same key while IDs are unknown (the first plan)", () => {
    const document = documentFromPlan("first", read("plan-first.json"));
    const vpcId = blockIn(document, 'aws_flow_log.spoke["a"]').config.vpc_id;
    expect(vpcId).toBe('${aws_vpc.spoke["a"].id}');
    expect(document.referencedBlocks(vpcId).map((b) => b.address)).toEqual(['aws_vpc.spoke["a"]']);
    expect(document.value(blockIn(document, 'aws_flow_log.spoke["a"]'), "vpc_id")).toBeInstanceOf(Unknown);
  });
});
