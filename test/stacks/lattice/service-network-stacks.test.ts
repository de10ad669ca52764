import { ExampleStackDefinition } from "../../../stacks/example-stack";
import { latticeStacks } from "../../../stacks/lattice";
import { dep3ServiceNetworkBoundary } from "../../../stacks/lattice/dep3-service-network-boundary";
import { sn1EksMicroservices } from "../../../stacks/lattice/sn1-eks-microservices";
import { sn2CrossAccountMesh } from "../../../stacks/lattice/sn2-cross-account-mesh";
import { sn2MeshMember, sn2MeshOwner } from "../../../stacks/lattice/sn2-split-mesh";
import { sn3MultiTierApp } from "../../../stacks/lattice/sn3-multi-tier-app";
import { sn4SharedDevEnvironment } from "../../../stacks/lattice/sn4-shared-dev-environment";
import { sn5DepartmentDataSharing } from "../../../stacks/lattice/sn5-department-data-sharing";
import { exampleStackJson } from "../synth-app";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const SERVICE_NETWORK_STACKS = [
  sn1EksMicroservices,
  sn2CrossAccountMesh,
  sn2MeshOwner,
  sn2MeshMember,
  sn3MultiTierApp,
  sn4SharedDevEnvironment,
  sn5DepartmentDataSharing,
  dep3ServiceNetworkBoundary,
];

const synth = (definition: ExampleStackDefinition): Json => exampleStackJson(definition.name);

const all = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});
const one = (json: Json, type: string): Json => {
  const found = all(json, type);
  expect(found).toHaveLength(1);
  return found[0];
};
/** The auth policy resource of the service network; its policy is JSON (literal) or a jsonencode() expression (with references). */
const networkPolicy = (json: Json): Json =>
  Object.entries(json.resource.aws_vpclattice_auth_policy).find(([key]) => /ServiceNetwork_AuthPolicy/.test(key))![1];

describe("service network stacks", () => {
  test("are registered, cover SN-1..SN-5 and DEP-3, and are named after their main use case", () => {
    for (const definition of SERVICE_NETWORK_STACKS) expect(latticeStacks).toContain(definition);
    expect(new Set(SERVICE_NETWORK_STACKS.flatMap((s) => s.useCases))).toEqual(new Set(["SN-1", "SN-2", "SN-3", "SN-4", "SN-5", "DEP-3"]));
    for (const s of SERVICE_NETWORK_STACKS) expect(s.name.startsWith(`${s.useCases[0].toLowerCase().replace("-", "")}-`)).toBe(true);
  });

  test("every service network is AWS_IAM with an auth policy and logs service and resource traffic; no rule is open to the world", () => {
    for (const definition of SERVICE_NETWORK_STACKS.filter((s) => s !== sn2MeshMember)) {
      const json = synth(definition);
      const networks = all(json, "aws_vpclattice_service_network");
      expect(networks.length).toBeGreaterThan(0);
      for (const network of networks)
        expect({ stack: definition.name, auth: network.auth_type }).toEqual({ stack: definition.name, auth: "AWS_IAM" });
      const logTypes = all(json, "aws_vpclattice_access_log_subscription")
        .map((s) => s.service_network_log_type)
        .filter((t) => t !== undefined);
      expect(logTypes.filter((t) => t === "SERVICE")).toHaveLength(networks.length);
      expect(logTypes.filter((t) => t === "RESOURCE")).toHaveLength(networks.length);
      for (const rule of all(json, "aws_vpc_security_group_ingress_rule")) {
        expect(rule.cidr_ipv4).not.toBe("0.0.0.0/0");
        expect(rule.description).toBeTruthy();
      }
    }
  });

  test("sn1: both cluster VPCs are associated, and only their signed requests from the organization are allowed", () => {
    const json = synth(sn1EksMicroservices);
    expect(all(json, "aws_vpclattice_service_network_vpc_association")).toHaveLength(2);
    expect(all(json, "aws_vpclattice_service_network_service_association")).toHaveLength(2);
    const policy = networkPolicy(json).policy;
    expect(policy).toContain('"aws:PrincipalOrgID" = "o-a1b2c3d4e5"');
    expect(policy).toMatch(/"vpc-lattice-svcs:SourceVpc" = \[aws_vpc\.OrdersClusterVpc_\w+\.id, aws_vpc\.PaymentsClusterVpc_\w+\.id\]/);
    expect(policy).toContain('"aws:PrincipalType" = "Anonymous"');
    // Pod IPs change: the clusters' controllers keep them registered in their ServiceExports' target groups.
    expect(json.resource.aws_vpclattice_target_group).toBeUndefined();
    expect(all(json, "aws_vpclattice_target_group_attachment")).toHaveLength(0);
    expect(Object.keys(json.variable).sort()).toEqual(["orders_target_group_arn", "payments_target_group_arn"]);
    expect(all(json, "aws_vpc_security_group_ingress_rule").filter((r) => r.cidr_ipv4 === "169.254.171.0/24")).toHaveLength(2);
  });

  test("the demo services' targets are behind a security group that admits VPC Lattice on 8080, declared on their target group", () => {
    for (const definition of SERVICE_NETWORK_STACKS.filter((s) => s !== sn1EksMicroservices && s !== sn2MeshMember)) {
      const groups = Object.values(exampleStackJson(definition.name, "as written").resource.aws_vpclattice_target_group) as Json[];
      expect(groups.length).toBeGreaterThan(0);
      const json = synth(definition);
      const latticeRules = all(json, "aws_vpc_security_group_ingress_rule").filter((r) => r.cidr_ipv4 === "169.254.171.0/24" && r.from_port === 8080);
      for (const group of groups) {
        const declared: string[] = group["//"].flows.targetSecurityGroupIds;
        expect({ stack: definition.name, declared: declared.length }).toEqual({ stack: definition.name, declared: 1 });
        expect(latticeRules.map((r) => r.security_group_id)).toContain(declared[0]);
      }
    }
  });

  test("sn2: one configuration, three accounts; each side acts with its own provider after the in-organization share", () => {
    const json = synth(sn2CrossAccountMesh);
    expect(json.provider.aws.map((p: Json) => p.alias ?? "default").sort()).toEqual(["default", "inventory", "storefront"]);
    expect(one(json, "aws_ram_resource_share")).toMatchObject({ name: "commerce-mesh", allow_external_principals: false });
    expect(
      all(json, "aws_ram_principal_association")
        .map((a) => a.principal)
        .sort(),
    ).toEqual(["222222222222", "333333333333"]);
    const vpcAssociation = one(json, "aws_vpclattice_service_network_vpc_association");
    expect(vpcAssociation.provider).toBe("aws.storefront");
    expect(vpcAssociation.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_ram_resource_association\./)]));
    expect(one(json, "aws_vpclattice_service_network_service_association").provider).toBe("aws.inventory");
    expect(one(json, "aws_vpclattice_service").provider).toBe("aws.inventory");
    expect(JSON.parse(networkPolicy(json).policy).Statement).toEqual([
      expect.objectContaining({ Principal: { AWS: ["222222222222", "333333333333"] } }),
    ]);
    expect(all(json, "aws_ram_resource_share_accepter")).toEqual([]);
    expect(json.output.storefront_caller_policy.value).toContain('"Action" = "vpc-lattice-svcs:Invoke"');
  });

  test("sn2 split: the owner shares outside the organization; the partner stack accepts, then associates by ARN", () => {
    const owner = synth(sn2MeshOwner);
    expect(one(owner, "aws_ram_resource_share").allow_external_principals).toBe(true);
    expect(one(owner, "aws_ram_principal_association").principal).toBe("222222222222");
    expect(Object.keys(owner.output).sort()).toEqual([
      "catalog_dns_name",
      "catalog_targets_security_group_id",
      "partner_caller_policy",
      "resource_share_arn",
      "service_network_arn",
    ]);
    // The partner's callers are of another account: their roles need this identity policy besides the two auth policies.
    expect(owner.output.partner_caller_policy.value).toContain('"Action" = "vpc-lattice-svcs:Invoke"');
    const catalog = Object.keys(owner.resource.aws_vpclattice_service)[0];
    expect(owner.output.partner_caller_policy.value).toContain(`"Resource" = "\${aws_vpclattice_service.${catalog}.arn}/*"`);
    const policy = JSON.parse(networkPolicy(owner).policy).Statement[0];
    expect(policy).toMatchObject({
      Principal: { AWS: "222222222222" },
      Condition: { StringEquals: { "vpc-lattice-svcs:SourceVpcOwnerAccount": "222222222222" } },
    });

    const member = synth(sn2MeshMember);
    expect(member.resource.aws_vpclattice_service_network).toBeUndefined();
    expect(one(member, "aws_ram_resource_share_accepter").share_arn).toMatch(/^arn:aws:ram:us-east-1:111111111111:resource-share\//);
    const association = one(member, "aws_vpclattice_service_network_vpc_association");
    expect(association.service_network_identifier).toBe("arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0a1b2c3d4e5f67890");
    expect(association.depends_on).toEqual([expect.stringMatching(/^aws_ram_resource_share_accepter\./)]);
  });

  test("sn3: only the VPCs with callers are associated, and each tier may only call the next one", () => {
    const json = synth(sn3MultiTierApp);
    expect(
      all(json, "aws_vpclattice_service_network_vpc_association")
        .map((a) => a.vpc_identifier)
        .sort(),
    ).toEqual([expect.stringMatching(/aws_vpc\.AppVpc_/), expect.stringMatching(/aws_vpc\.WebVpc_/)]);
    const policy = networkPolicy(json).policy;
    expect(policy).toMatch(
      /"Sid" = "WebToApp".*"Resource" = "\$\{aws_vpclattice_service\.AppApi_\w+\.arn\}\/\*".*"vpc-lattice-svcs:SourceVpc" = aws_vpc\.WebVpc_\w+\.id/s,
    );
    expect(policy).toMatch(
      /"Sid" = "AppToData".*"Resource" = "\$\{aws_vpclattice_service\.DataApi_\w+\.arn\}\/\*".*"vpc-lattice-svcs:SourceVpc" = aws_vpc\.AppVpc_\w+\.id/s,
    );
  });

  test("sn4: shared with the dev-teams OU, whose principals the auth policies allow next to the platform's own CI runners; logs kept 30 days", () => {
    const json = synth(sn4SharedDevEnvironment);
    expect(one(json, "aws_ram_principal_association").principal).toBe("arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-devteams1");
    const statements = networkPolicy(json)
      .policy.split(/(?=\{"Sid" = )/)
      .slice(1);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(
      /^\{"Sid" = "SharedOrganizationalUnits", "Effect" = "Allow", "Principal" = "\*", .*"aws:PrincipalOrgPaths" = "o-a1b2c3d4e5\/\*\/ou-ab12-devteams1\/\*"/,
    );
    expect(statements[1]).toMatch(
      /^\{"Sid" = "PlatformCiRunners", "Effect" = "Allow", "Principal" = \{"AWS" = "111111111111"\}, .*"vpc-lattice-svcs:SourceVpc" = aws_vpc\.PlatformVpc_\w+\.id/,
    );
    const networkLogs = all(json, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/vendedlogs/vpclattice/dev-test-shared");
    expect(networkLogs.retention_in_days).toBe(30);
  });

  test("sn5: each department reads only its data service from its own VPCs, and writes are denied network-wide", () => {
    const json = synth(sn5DepartmentDataSharing);
    const statements = networkPolicy(json)
      .policy.split(/(?=\{"Sid" = )/)
      .slice(1);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(
      /^\{"Sid" = "FinanceReadsReports", "Effect" = "Allow", "Principal" = \{"AWS" = "222222222222"\}, .*"Resource" = "\$\{aws_vpclattice_service\.Reports_\w+\.arn\}\/\*".*"vpc-lattice-svcs:RequestPath" = "\/reports\/\*"/,
    );
    expect(statements[1]).toMatch(
      /^\{"Sid" = "AnalyticsReadsDatasets", "Effect" = "Allow", "Principal" = \{"AWS" = "333333333333"\}, .*"Resource" = "\$\{aws_vpclattice_service\.Datasets_\w+\.arn\}\/\*".*"vpc-lattice-svcs:RequestPath" = "\/datasets\/\*"/,
    );
    expect(statements[2]).toMatch(
      /^\{"Sid" = "NoWritesThroughTheNetwork", "Effect" = "Deny", "Principal" = "\*", .*"vpc-lattice-svcs:RequestMethod" = \["POST", "PUT", "PATCH", "DELETE"\]/,
    );
    expect(
      all(json, "aws_vpclattice_service_network_vpc_association")
        .map((a) => a.provider)
        .sort(),
    ).toEqual(["aws.analytics", "aws.finance"]);
  });

  test("dep3: the network holds a service and a resource configuration; the VPC already in another network comes in through a ServiceNetwork endpoint", () => {
    const json = synth(dep3ServiceNetworkBoundary);
    expect(one(json, "aws_vpclattice_service_network_service_association").service_network_identifier).toMatch(/ServiceNetwork_\w+\.arn/);
    expect(one(json, "aws_vpclattice_service_network_resource_association").resource_configuration_identifier).toMatch(
      /aws_vpclattice_resource_configuration\.Database_\w+\.arn/,
    );
    const associations = all(json, "aws_vpclattice_service_network_vpc_association");
    expect(
      associations
        .map((a) => [a.vpc_identifier.match(/aws_vpc\.(\w+?)_/)[1], a.service_network_identifier.match(/service_network\.(\w+?)_/)[1]])
        .sort(),
    ).toEqual([
      ["ClientVpc", "ServiceNetwork"],
      ["ReportingVpc", "ReportingServiceNetwork"],
    ]);
    const endpoint = one(json, "aws_vpc_endpoint");
    expect(endpoint).toMatchObject({
      vpc_endpoint_type: "ServiceNetwork",
      vpc_id: expect.stringMatching(/aws_vpc\.ReportingVpc_/),
      service_network_arn: expect.stringMatching(/service_network\.ServiceNetwork_\w+\.arn/),
    });
    // By IP: a gateway resolves a DNS resource in public DNS (hashicorp/aws 5.100.0), where a private name does not resolve.
    expect(one(json, "aws_vpclattice_resource_configuration").resource_configuration_definition).toEqual([
      { ip_resource: [{ ip_address: "10.92.0.50" }] },
    ]);
    const database = all(json, "aws_vpc_security_group_ingress_rule").find(
      (r) => r.from_port === 5432 && r.referenced_security_group_id !== undefined,
    );
    expect(database.referenced_security_group_id).toMatch(/aws_security_group\.DatabaseGateway_SecurityGroup_\w+\.id/);
  });
});
