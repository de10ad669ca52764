import { TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { ResourceConfiguration, ResourceGateway, SharedResourceAccess } from "../../modules/resources";
import { Peer, PrivateHostedZone, Vpc, SecurityGroup } from "../../modules/vpc";
import { OptOut, Port, PortRange } from "../../modules/core";
import {
  AccessLogs,
  AuthPolicy,
  LatticeListenerAction,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  ServiceNetwork,
  ServiceNetworkProps,
  ServiceNetworkServiceAssociation,
  ServiceNetworkVpcAssociation,
} from "../../modules/lattice";
import { expectValidationError, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";
import { fakeService, SERVICE_ARN } from "./helpers";
import { gatewayStack } from "../resources/helpers";

const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";
const CONFIGURATION_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const ALLOW_CONSUMER = new AuthPolicy().allow({ accounts: ["222222222222"] });

function network(stack: TerraformStack, props: Partial<ServiceNetworkProps> = {}): ServiceNetwork {
  return new ServiceNetwork(stack, "Network", { name: "shared-services", authPolicy: ALLOW_CONSUMER, ...props });
}

function vpc(stack: TerraformStack, id = "Vpc", provider?: AwsProvider): Vpc {
  return new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function only(stack: TerraformStack, type: string): any {
  const all = Object.values(resourcesOfType(stack, type));
  expect(all).toHaveLength(1);
  return all[0];
}

describe("ServiceNetwork", () => {
  test("defaults to AWS_IAM with the given auth policy and access logs for service and resource traffic", () => {
    const stack = stackWithProvider();
    network(stack);
    expect(only(stack, "aws_vpclattice_service_network")).toEqual(
      expect.objectContaining({ name: "shared-services", auth_type: "AWS_IAM", tags: { Name: "shared-services" } }),
    );
    const policy = only(stack, "aws_vpclattice_auth_policy");
    expect(policy.resource_identifier).toMatch(/^\$\{aws_vpclattice_service_network\.[\w-]+\.arn\}$/);
    expect(JSON.parse(policy.policy).Statement[0].Principal).toEqual({ AWS: "222222222222" });
    const logTypes = Object.values(resourcesOfType(stack, "aws_vpclattice_access_log_subscription")).map((s) => s.service_network_log_type);
    expect(logTypes.sort()).toEqual(["RESOURCE", "SERVICE"]);
    expect(only(stack, "aws_cloudwatch_log_group").retention_in_days).toBe(365);
  });

  test("shares through RAM inside the organization only, and derives the auth policy from the share principals", () => {
    const stack = stackWithProvider();
    const shared = network(stack, {
      authPolicy: undefined,
      sharing: { principals: [SharePrincipal.account("222222222222"), SharePrincipal.account("333333333333")] },
    });
    expect(only(stack, "aws_ram_resource_share")).toEqual(expect.objectContaining({ name: "shared-services", allow_external_principals: false }));
    expect(
      Object.values(resourcesOfType(stack, "aws_ram_principal_association"))
        .map((a) => a.principal)
        .sort(),
    ).toEqual(["222222222222", "333333333333"]);
    expect(only(stack, "aws_ram_resource_association").resource_arn).toMatch(/^\$\{aws_vpclattice_service_network\.[\w-]+\.arn\}$/);
    expect(JSON.parse(only(stack, "aws_vpclattice_auth_policy").policy).Statement).toEqual([
      expect.objectContaining({ Sid: "SharedAccounts", Principal: { AWS: ["222222222222", "333333333333"] } }),
    ]);
    expect(shared.shareDependencies).toHaveLength(3);
  });

  test("authType NONE with the explicit opt-in creates no auth policy", () => {
    const stack = stackWithProvider();
    network(stack, { authType: "NONE", authPolicy: undefined, allowUnauthenticatedAccess: true, accessLogs: AccessLogs.disabled("test") });
    expect(only(stack, "aws_vpclattice_service_network").auth_type).toBe("NONE");
    expect(resourcesOfType(stack, "aws_vpclattice_auth_policy")).toEqual({});
  });

  describe("a network of resource configurations only", () => {
    const resourcesOnly = (stack: TerraformStack, props: Partial<ServiceNetworkProps> = {}) =>
      network(stack, { authPolicy: undefined, resourceConfigurationsOnly: true, ...props });

    test("keeps AWS_IAM (a service associated from elsewhere is denied, not open) and creates no auth policy, which AWS would not apply to its configurations", () => {
      const stack = stackWithProvider();
      const holder = resourcesOnly(stack, { sharing: { principals: [SharePrincipal.account("222222222222")] } });
      holder.associateResourceConfiguration("orders-db", { resourceConfigurationArn: CONFIGURATION_ARN });
      expect(only(stack, "aws_vpclattice_service_network").auth_type).toBe("AWS_IAM");
      expect(resourcesOfType(stack, "aws_vpclattice_auth_policy")).toEqual({});
      expect(holder.authPolicy).toBeUndefined();
      expect(holder.resourceConfigurationsOnly).toBe(true);
    });

    test("a configuration's association gives the name clients dial (its generated DNS entry)", () => {
      const stack = stackWithProvider();
      const association = resourcesOnly(stack).associateResourceConfiguration("orders-db", { resourceConfigurationArn: CONFIGURATION_ARN });
      new TerraformOutput(stack, "db_name", { value: association.dnsName });
      expect(synthJson(stack).output.db_name.value).toMatch(
        /^\$\{aws_vpclattice_service_network_resource_association\.[\w-]+\.dns_entry\[0\]\.domain_name\}$/,
      );
    });

    test("fails when a CHILD configuration is associated on its own: AWS uses a child only through its GROUP", () => {
      const stack = stackWithProvider();
      const child = { resourceConfigurationArn: CONFIGURATION_ARN, type: "CHILD" as const };
      expectValidationError(() => resourcesOnly(stack).associateResourceConfiguration("orders-db", child), "resourceConfiguration.type", "CHILD");
    });

    test("fails when it is given an auth policy", () => {
      const stack = stackWithProvider();
      expectValidationError(() => resourcesOnly(stack, { authPolicy: ALLOW_CONSUMER }), "authPolicy", "a policy with resourceConfigurationsOnly");
    });

    test("fails when a service is associated with it", () => {
      const stack = stackWithProvider();
      const holder = resourcesOnly(stack);
      const error = expectValidationError(() => holder.associateService("orders", fakeService()), "serviceNetwork", '"test/Network"');
      expect(error.expected).toContain("resource configurations only");
    });
  });

  test("is a ServiceNetwork VPC endpoint target", () => {
    const stack = stackWithProvider();
    const shared = network(stack);
    new ServiceNetworkEndpoint(stack, "Endpoint", { vpc: vpc(stack), serviceNetwork: shared });
    const endpoint = only(stack, "aws_vpc_endpoint");
    expect(endpoint.vpc_endpoint_type).toBe("ServiceNetwork");
    expect(endpoint.service_network_arn).toMatch(/^\$\{aws_vpclattice_service_network\.[\w-]+\.arn\}$/);
  });

  describe("VPC associations", () => {
    test("by default create a security group admitting the VPC CIDR on 443, and name the network by ARN", () => {
      const stack = stackWithProvider();
      network(stack).associateVpc("app", { vpc: vpc(stack) });
      const association = only(stack, "aws_vpclattice_service_network_vpc_association");
      expect(association.service_network_identifier).toMatch(/^\$\{aws_vpclattice_service_network\.[\w-]+\.arn\}$/);
      expect(association.vpc_identifier).toMatch(/^\$\{aws_vpc\.[\w-]+\.id\}$/);
      expect(association.security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\.[\w-]+\.id\}$/)]);
      const rule = only(stack, "aws_vpc_security_group_ingress_rule");
      expect(rule).toEqual(expect.objectContaining({ from_port: 443, to_port: 443, ip_protocol: "tcp", cidr_ipv4: "10.1.0.0/16" }));
      expect(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).toEqual({});
    });

    test("a client admitted through connections gets its egress to VPC Lattice's range, not to the association's group (on no interface the client sends to)", () => {
      const stack = stackWithProvider();
      const app = vpc(stack);
      const association = network(stack).associateVpc("app", { vpc: app, open: false });
      const callers = new SecurityGroup(stack, "Callers", { vpc: app, description: "Callers" });
      association.connections.allowDefaultPortFrom(callers, "Callers into the network");
      const ingress = only(stack, "aws_vpc_security_group_ingress_rule");
      expect(ingress.referenced_security_group_id).toMatch(/^\$\{aws_security_group\.Callers[\w-]*\.id\}$/);
      const egress = only(stack, "aws_vpc_security_group_egress_rule");
      expect(egress).toEqual(expect.objectContaining({ from_port: 443, to_port: 443, cidr_ipv4: "169.254.171.0/24" }));
      expect(egress.referenced_security_group_id).toBeUndefined();
    });

    test("in a dual-stack VPC a client admitted through connections gets its egress to VPC Lattice's IPv6 range too, and reaches a service over IPv6", () => {
      const stack = stackWithProvider();
      const app = new Vpc(stack, "DualStack", {
        name: "dual",
        cidrBlock: "10.7.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        dualStack: true,
      });
      const sn = network(stack, { authPolicy: new AuthPolicy().allow({ sid: "Organization", organizationId: "o-a1b2c3d4e5" }) });
      const association = sn.associateVpc("app", { vpc: app, open: false });
      const callers = new SecurityGroup(stack, "Callers", { vpc: app, description: "Callers" });
      association.connections.allowDefaultPortFrom(callers, "Callers into the network");
      const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")) as Record<string, unknown>[];
      expect(egress.map((r) => r.cidr_ipv4 ?? r.cidr_ipv6).sort()).toEqual(["169.254.171.0/24", "fd00:ec2:80::/64"]);
      expect(egress.every((r) => r.from_port === 443 && r.to_port === 443)).toBe(true);
      // Flow proof: an IPv6 caller in that group reaches a service of the network.
      const backend = new Vpc(stack, "Backend", { name: "backend", cidrBlock: "10.8.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const targets = new LatticeTargetGroup(stack, "Orders", {
        name: "orders",
        type: "IP",
        vpc: backend,
        protocol: "HTTP",
        port: 8080,
        targets: { a: LatticeTarget.ipAddress("10.8.0.10") },
      });
      LatticeTargetGroup.allowLatticeTraffic(new SecurityGroup(stack, "Tasks", { vpc: backend, description: "Order tasks" }), targets);
      const service = new LatticeService(stack, "Api", {
        name: "orders-api",
        authPolicy: new AuthPolicy().allow({ sid: "Organization", organizationId: "o-a1b2c3d4e5" }),
      });
      service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(targets) });
      sn.associateService("orders", service);
      const caller = {
        vpc: app,
        securityGroup: callers,
        family: "ipv6" as const,
        principal: { arn: "arn:aws:iam::111111111111:role/app", organizationId: "o-a1b2c3d4e5" },
      };
      expectFlow(stack, caller, { target: service, port: 443 }).toBeAllowed();
    });

    test("a dual-stack VPC's IPv6 block goes into an IPv6 rule", () => {
      const stack = stackWithProvider();
      const dualStack = new Vpc(stack, "DualStack", {
        name: "dual",
        cidrBlock: "10.7.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        dualStack: true,
      });
      network(stack).associateVpc("app", { vpc: dualStack });
      const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")) as Record<string, string>[];
      expect(rules).toEqual([
        expect.objectContaining({ cidr_ipv4: "10.7.0.0/16", from_port: 443 }),
        expect.objectContaining({ cidr_ipv6: expect.stringMatching(/aws_vpc\.DualStack.*\.ipv6_cidr_block/), from_port: 443 }),
      ]);
      expect(rules[1]).not.toHaveProperty("cidr_ipv4");
    });

    test("open the given ports, and are made with the VPC owner's provider", () => {
      const stack = stackWithProvider();
      const consumer = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer" });
      network(stack).associateVpc("consumer", {
        vpc: vpc(stack, "Consumer", consumer),
        ports: [
          { from: 80, to: 80 },
          { from: 8080, to: 8090 },
        ],
      });
      expect(only(stack, "aws_vpclattice_service_network_vpc_association").provider).toBe("aws.consumer");
      const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule"));
      expect(rules.map((r) => [r.from_port, r.to_port]).sort()).toEqual([
        [80, 80],
        [8080, 8090],
      ]);
      expect(rules.every((r) => r.provider === "aws.consumer")).toBe(true);
    });

    test("take up to 5 given security groups and create none", () => {
      const stack = stackWithProvider();
      const app = vpc(stack);
      const groups = ["a", "b", "c", "d", "e"].map((n) => new SecurityGroup(stack, `Sg-${n}`, { vpc: app, description: n }));
      network(stack).associateVpc("app", { vpc: app, securityGroups: groups });
      expect(only(stack, "aws_vpclattice_service_network_vpc_association").security_group_ids).toHaveLength(5);
      expect(Object.keys(resourcesOfType(stack, "aws_security_group"))).toHaveLength(5);
    });

    test("depend on what the caller names, such as a share acceptance", () => {
      const stack = stackWithProvider();
      const shared = network(stack, { sharing: { principals: [SharePrincipal.account("222222222222")] } });
      shared.associateVpc("app", { vpc: vpc(stack), dependsOn: shared.shareDependencies });
      expect(only(stack, "aws_vpclattice_service_network_vpc_association").depends_on).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\./),
        expect.stringMatching(/^aws_ram_resource_association\./),
      ]);
    });

    test("made in an account the network is shared with, they wait for the share by themselves; fails for an account the share leaves out", () => {
      const stack = new TerraformStack(testApp(), "test");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const member = new AwsProvider(stack, "member", { region: "us-east-1", alias: "member", allowedAccountIds: ["222222222222"] });
      const stranger = new AwsProvider(stack, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      const shared = network(stack, { sharing: { principals: [SharePrincipal.account("222222222222")] } });
      shared.associateVpc("member", { vpc: vpc(stack, "MemberVpc", member) });
      expect(only(stack, "aws_vpclattice_service_network_vpc_association").depends_on).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\./),
        expect.stringMatching(/^aws_ram_resource_association\./),
      ]);
      const error = expectValidationError(
        () => shared.associateVpc("stranger", { vpc: vpc(stack, "StrangerVpc", stranger) }),
        "provider",
        "333333333333",
      );
      expect(error.constructPath).toBe("test/Network/Vpc-stranger");
      expect(error.expected).toContain("sharing.principals: 222222222222");
      // The owner's own associations need no share.
      const own = new TerraformStack(testApp(), "own");
      new AwsProvider(own, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      network(own, { sharing: { principals: [SharePrincipal.account("222222222222")] } }).associateVpc("own", { vpc: vpc(own) });
      expect(only(own, "aws_vpclattice_service_network_vpc_association").depends_on).toBeUndefined();
    });

    test("of a network shared the plain way (new ResourceShare, addResource), made in a member account they wait for the share; fail for an account it leaves out", () => {
      const stack = new TerraformStack(testApp(), "test");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const member = new AwsProvider(stack, "member", { region: "us-east-1", alias: "member", allowedAccountIds: ["222222222222"] });
      const stranger = new AwsProvider(stack, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      const plain = network(stack);
      const share = new ResourceShare(stack, "Share", { name: "network", principals: [SharePrincipal.account("222222222222")] });
      share.addResource("network", plain.serviceNetworkArn);
      plain.associateVpc("member", { vpc: vpc(stack, "MemberVpc", member) });
      new ServiceNetworkEndpoint(stack, "Endpoint", { vpc: vpc(stack, "EndpointVpc", member), serviceNetwork: plain });
      const waits = [
        expect.stringMatching(/^aws_ram_principal_association\.Share_Principal-account-222222222222_/),
        expect.stringMatching(/^aws_ram_resource_association\.Share_Resource-network_/),
      ];
      expect(only(stack, "aws_vpclattice_service_network_vpc_association").depends_on).toEqual(waits);
      expect(only(stack, "aws_vpc_endpoint").depends_on).toEqual(waits);
      const error = expectValidationError(
        () => plain.associateVpc("stranger", { vpc: vpc(stack, "StrangerVpc", stranger) }),
        "provider",
        "333333333333",
      );
      expect(error.constructPath).toBe("test/Network/Vpc-stranger");
      expect(error.expected).toContain("the network test/Network is shared with (principals of test/Share: 222222222222)");
      expect(error.expected).toContain("RAM gives account 333333333333 nothing to associate with");
      // The owner's own associations need no share.
      const own = new TerraformStack(testApp(), "own");
      new AwsProvider(own, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const owned = network(own);
      new ResourceShare(own, "Share", { name: "network", principals: [SharePrincipal.account("222222222222")] }).addResource(
        "network",
        owned.serviceNetworkArn,
      );
      owned.associateVpc("own", { vpc: vpc(own) });
      expect(only(own, "aws_vpclattice_service_network_vpc_association").depends_on).toBeUndefined();
    });

    test("of a network shared the plain way after they are made, they wait for the share too; a stranger's fails at synth", () => {
      const setUp = (account: string) => {
        const stack = new TerraformStack(testApp(), "test");
        new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const consumer = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: [account] });
        const plain = network(stack);
        plain.associateVpc("consumer", { vpc: vpc(stack, "ConsumerVpc", consumer) });
        // The share is written after the association: the gate is asked again once every share is known.
        new ResourceShare(stack, "Share", { name: "network", principals: [SharePrincipal.account("222222222222")] }).addResource(
          "network",
          plain.serviceNetworkArn,
        );
        return stack;
      };
      expect(only(setUp("222222222222"), "aws_vpclattice_service_network_vpc_association").depends_on).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\.Share_Principal-account-222222222222_/),
        expect.stringMatching(/^aws_ram_resource_association\.Share_Resource-network_/),
      ]);
      const stranger = setUp("333333333333");
      const error = expectValidationError(() => synthJson(stranger), "provider", "333333333333");
      expect(error.constructPath).toBe("test/Network/Vpc-consumer");
      expect(error.expected).toContain("RAM gives account 333333333333 nothing to associate with");
    });

    test("fails when made with a provider of another account than the VPC's owner (only the owner associates its VPC)", () => {
      const stack = new TerraformStack(testApp(), "test");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const member = new AwsProvider(stack, "member", { region: "us-east-1", alias: "member", allowedAccountIds: ["222222222222"] });
      const owner = new AwsProvider(stack, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["333333333333"] });
      const shared = network(stack, { sharing: { principals: [SharePrincipal.account("222222222222"), SharePrincipal.account("333333333333")] } });
      const owned = vpc(stack, "Owned", owner);
      expectValidationError(() => shared.associateVpc("member", { vpc: owned, provider: member }), "provider", "member (account 222222222222)");
      expect(() => shared.associateVpc("owner", { vpc: owned })).not.toThrow();
    });

    test("made with new, as patterns do, they wait for the share as associate*() ones do; so does one whose provider pins no account", () => {
      const stack = new TerraformStack(testApp(), "test");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const member = new AwsProvider(stack, "member", { region: "us-east-1", alias: "member", allowedAccountIds: ["222222222222"] });
      const unpinned = new AwsProvider(stack, "unpinned", { region: "us-east-1", alias: "unpinned" });
      const shared = network(stack, { sharing: { principals: [SharePrincipal.account("222222222222")] } });
      const given = vpc(stack, "Given").resource;
      new ServiceNetworkVpcAssociation(stack, "Direct", { serviceNetwork: shared, vpc: vpc(stack, "MemberVpc", member), dependsOn: [given] });
      new ServiceNetworkServiceAssociation(stack, "Unpinned", { serviceNetwork: shared, service: fakeService(), provider: unpinned });
      const waits = (type: string) => only(stack, type).depends_on;
      expect(waits("aws_vpclattice_service_network_vpc_association")).toEqual([
        expect.stringMatching(/^aws_vpc\.Given/),
        expect.stringMatching(/^aws_ram_principal_association\./),
        expect.stringMatching(/^aws_ram_resource_association\./),
      ]);
      expect(waits("aws_vpclattice_service_network_service_association")).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\./),
        expect.stringMatching(/^aws_ram_resource_association\./),
      ]);
      const stranger = new AwsProvider(stack, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      expectValidationError(
        () => new ServiceNetworkVpcAssociation(stack, "Stranger", { serviceNetwork: shared, vpc: vpc(stack, "StrangerVpc", stranger) }),
        "provider",
        "333333333333",
      );
    });

    test("of a resource configuration shared with the association's account, they wait for its share too; fail for an account it leaves out", () => {
      const build = (account: string) => {
        const stack = new TerraformStack(testApp(), "test");
        new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const consumer = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: [account] });
        const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: vpc(stack, "OwnerVpc") });
        const database = new ResourceConfiguration(stack, "Db", {
          name: "orders-db",
          resourceGateway: gateway,
          ipResource: { ipAddress: "10.1.0.50" },
          ports: [Port.tcp(5432)],
        });
        new SharedResourceAccess(stack, "Access", {
          name: "orders-db",
          resourceConfiguration: database,
          sharing: { principals: [SharePrincipal.account("222222222222")] },
        });
        // The consumer's own network, to which it adds the configuration shared with it.
        const own = new ServiceNetwork(stack, "Consumer", { name: "consumer", resourceConfigurationsOnly: true, provider: consumer });
        return { stack, associate: () => own.associateResourceConfiguration("db", database, { provider: consumer }) };
      };
      const member = build("222222222222");
      member.associate();
      expect(only(member.stack, "aws_vpclattice_service_network_resource_association").depends_on).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\.Access_Share_Principal-account-222222222222_/),
        expect.stringMatching(/^aws_ram_resource_association\.Access_Share_Resource-resource-configuration_/),
      ]);
      const error = expectValidationError(build("333333333333").associate, "provider", "333333333333");
      expect(error.constructPath).toBe("test/Consumer/Resource-db");
      expect(error.expected).toContain("the resource configuration test/Db is shared with (sharing.principals of test/Access: 222222222222)");
      expect(error.expected).toContain("RAM gives account 333333333333 nothing to associate with");
    });

    test("of a resource configuration to another account's network that is not shared, are made by the network's account; fail when given the configuration owner's provider", () => {
      const build = (networkSharing?: { principals: SharePrincipal[] }) => {
        const stack = new TerraformStack(testApp(), "test");
        new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const owner = new AwsProvider(stack, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["111111111111"] });
        const consumer = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: ["222222222222"] });
        const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: vpc(stack, "OwnerVpc") });
        const database = new ResourceConfiguration(stack, "Db", {
          name: "orders-db",
          resourceGateway: gateway,
          ipResource: { ipAddress: "10.1.0.50" },
          ports: [Port.tcp(5432)],
          allowAssociationToShareableServiceNetwork: OptOut.because("the consumer's network is shared back with the owner"),
        });
        new SharedResourceAccess(stack, "Access", {
          name: "orders-db",
          resourceConfiguration: database,
          sharing: { principals: [SharePrincipal.account("222222222222")] },
        });
        const own = new ServiceNetwork(stack, "Consumer", {
          name: "consumer",
          resourceConfigurationsOnly: true,
          provider: consumer,
          sharing: networkSharing,
        });
        return { stack, own, database, owner };
      };
      // The consumer's network, not shared: only the consumer sees it, and it associates the configuration shared with it.
      const unshared = build();
      unshared.own.associateResourceConfiguration("db", unshared.database);
      const association = only(unshared.stack, "aws_vpclattice_service_network_resource_association");
      expect(association.provider).toBe("aws.consumer");
      expect(association.depends_on).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\.Access_Share_Principal-account-222222222222_/),
        expect.stringMatching(/^aws_ram_resource_association\.Access_Share_Resource-resource-configuration_/),
      ]);
      const refused = build();
      const error = expectValidationError(
        () => refused.own.associateResourceConfiguration("db", refused.database, { provider: refused.owner }),
        "provider",
        "owner (account 111111111111)",
      );
      expect(error.expected).toContain("a provider of account 222222222222, the owner of service network test/Consumer");
      // Shared with the owner through RAM, the network is the owner's to associate with: the configuration's provider stays the default.
      const shared = build({ principals: [SharePrincipal.account("111111111111")] });
      shared.own.associateResourceConfiguration("db", shared.database);
      expect(only(shared.stack, "aws_vpclattice_service_network_resource_association").provider).toBeUndefined();
    });

    test("of a service to another account's network that is not shared, are made by the network's account; fail when given the service owner's provider", () => {
      const build = (networkSharing?: { principals: SharePrincipal[] }) => {
        const stack = new TerraformStack(testApp(), "test");
        new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const owner = new AwsProvider(stack, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["111111111111"] });
        const consumer = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: ["222222222222"] });
        const orders = new LatticeService(stack, "Orders", { name: "orders", authPolicy: ALLOW_CONSUMER });
        const own = new ServiceNetwork(stack, "Consumer", {
          name: "consumer",
          authPolicy: ALLOW_CONSUMER,
          provider: consumer,
          sharing: networkSharing,
        });
        return { stack, own, orders, owner };
      };
      // The consumer's network, not shared: only the consumer sees it, and it associates the service shared with it.
      const unshared = build();
      unshared.own.associateService("orders", unshared.orders);
      expect(only(unshared.stack, "aws_vpclattice_service_network_service_association").provider).toBe("aws.consumer");
      const refused = build();
      const error = expectValidationError(
        () => refused.own.associateService("orders", refused.orders, { provider: refused.owner }),
        "provider",
        "owner (account 111111111111)",
      );
      expect(error.expected).toContain("a provider of account 222222222222, the owner of service network test/Consumer");
      expect(error.expected).toContain("share the service with that account");
      // Shared with the owner through RAM, the network is the owner's to associate with: the service's provider stays the default.
      const shared = build({ principals: [SharePrincipal.account("111111111111")] });
      shared.own.associateService("orders", shared.orders);
      expect(only(shared.stack, "aws_vpclattice_service_network_service_association").provider).toBeUndefined();
    });

    test("fails when a service of the network listens on a port the association does not open (the default 443, or given ports)", () => {
      const httpService = (stack: TerraformStack) => {
        const svc = new LatticeService(stack, "Orders", { name: "orders", authPolicy: ALLOW_CONSUMER });
        svc.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
        return svc;
      };
      const defaulted = stackWithProvider();
      const net = network(defaulted);
      net.associateVpc("clients", { vpc: vpc(defaulted) });
      net.associateService("orders", httpService(defaulted));
      expectValidationError(() => synthJson(defaulted), "ports", "443 (the default)");

      const given = stackWithProvider();
      const other = network(given);
      other.associateService("orders", httpService(given));
      other.associateVpc("clients", { vpc: vpc(given), ports: [Port.tcp(443), Port.tcp(8080)] });
      expectValidationError(() => synthJson(given), "ports", '"443, 8080"');

      const covered = stackWithProvider();
      const third = network(covered);
      third.associateService("orders", httpService(covered));
      third.associateVpc("clients", { vpc: vpc(covered), ports: [Port.range(80, 90)] });
      expect(() => synthJson(covered)).not.toThrow();
    });

    test("fails when a resource configuration of the network takes connections on a port the association does not open (the default 443, or given ports)", () => {
      const build = (ports: readonly PortRange[] | undefined, configurationPorts: readonly PortRange[]) => {
        const stack = stackWithProvider();
        const net = network(stack);
        net.associateVpc("clients", { vpc: vpc(stack), ports });
        net.associateResourceConfiguration("db", { resourceConfigurationArn: CONFIGURATION_ARN, ports: configurationPorts });
        return stack;
      };
      const error = expectValidationError(() => synthJson(build(undefined, [Port.tcp(5432)])), "ports", "443 (the default)");
      expect(error.expected).toContain("ports that include 5432");
      expect(error.expected).toContain(CONFIGURATION_ARN);
      // A range is covered only as a whole: 8051 is missing here.
      expectValidationError(() => synthJson(build([Port.range(8000, 8050), Port.range(8052, 8100)], [Port.range(8000, 8100)])), "ports", /8000-8050/);
      // Ranges that together cover it are enough, and a configuration without known ports (an ARN resource) is not judged.
      expect(() => synthJson(build([Port.range(8000, 8050), Port.range(8051, 8100)], [Port.range(8000, 8100)]))).not.toThrow();
      expect(() => synthJson(build([Port.tcp(5432)], [Port.tcp(5432)]))).not.toThrow();
      expect(() => synthJson(build(undefined, []))).not.toThrow();
    });

    test("an association that is not open is judged by the rules added to its group: port 80 opened through connections serves an HTTP listener", () => {
      const build = (port: number) => {
        const stack = stackWithProvider();
        const net = network(stack);
        const svc = new LatticeService(stack, "Orders", { name: "orders", authPolicy: ALLOW_CONSUMER });
        svc.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
        net.associateService("orders", svc);
        const association = net.associateVpc("clients", { vpc: vpc(stack), open: false });
        association.connections.allowFrom(Peer.cidr("10.1.1.0/24"), Port.tcp(port), "The application subnet");
        return stack;
      };
      expect(() => synthJson(build(80))).not.toThrow();
      expectValidationError(() => synthJson(build(443)), "ports", '"443"');
    });

    test("fails when the VPC has no vpcId (JavaScript callers)", () => {
      const stack = stackWithProvider();
      expectValidationError(() => network(stack).associateVpc("clients", { vpc: {} as never }), "vpc.vpcId", "undefined");
    });

    test("fails when more than 5 security groups are given", () => {
      const stack = stackWithProvider();
      const app = vpc(stack);
      const groups = ["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-0000000000000000${n}` }));
      expectValidationError(() => network(stack).associateVpc("app", { vpc: app, securityGroups: groups }), "securityGroups", "sg-0000000000000000a");
    });

    test("fails when a security group is given by its ID (a JavaScript caller's string): the association went out with no group, admitting every client of the VPC", () => {
      const stack = stackWithProvider();
      const app = vpc(stack);
      const groups = ["sg-0123456789abcdef0"] as unknown as SecurityGroup[];
      const error = expectValidationError(
        () => network(stack).associateVpc("app", { vpc: app, securityGroups: groups }),
        "securityGroups[0]",
        "sg-0123456789abcdef0",
      );
      expect(error.expected).toContain("SecurityGroup.fromSecurityGroupAttributes(...)");
      expect(resourcesOfType(stack, "aws_vpclattice_service_network_vpc_association")).toEqual({});
    });

    test("an existing group given by SecurityGroup.fromSecurityGroupAttributes decides who gets in, with the rules added through connections", () => {
      const stack = stackWithProvider();
      const app = vpc(stack);
      const existing = SecurityGroup.fromSecurityGroupAttributes(stack, "Existing", { securityGroupId: "sg-0123456789abcdef0", vpcId: app.vpcId });
      const sn = network(stack);
      const association = sn.associateVpc("app", { vpc: app, securityGroups: [existing] });
      const callers = new SecurityGroup(stack, "Callers", { vpc: app, description: "Callers" });
      association.connections.allowDefaultPortFrom(callers, "Callers into the network");
      expect(only(stack, "aws_vpclattice_service_network_vpc_association").security_group_ids).toEqual(["sg-0123456789abcdef0"]);
      // Flow proof: a caller in the admitted group gets through the association to the service's listener.
      const service = new LatticeService(stack, "Orders", { name: "orders", authPolicy: ALLOW_CONSUMER });
      service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.fixedResponse(200) });
      sn.associateService("orders", service);
      const verdict = expectFlow(stack, { vpc: app, securityGroup: callers, principal: "arn:aws:iam::222222222222:role/app" }, { target: service });
      verdict.toBeDenied("fixed 200 response");
      expect(verdict.verdict.hops.map((h) => h.kind)).toContain("listener");
    });

    test("a client group that lets itself out to VPC Lattice already is admitted with allowDefaultPortFrom (the mirror egress rule is there: it was refused as a duplicate)", () => {
      const stack = stackWithProvider();
      const app = vpc(stack);
      const sn = network(stack);
      const association = sn.associateVpc("app", { vpc: app, open: false });
      const pods = new SecurityGroup(stack, "Pods", { vpc: app, description: "Pods" });
      pods.addEgressRule({ peer: Peer.vpcLattice(), port: 443, description: "Pods to the services of the network" });
      association.connections.allowDefaultPortFrom(pods, "Pods into the network");
      const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")) as Record<string, unknown>[];
      expect(egress).toEqual([
        expect.objectContaining({ cidr_ipv4: "169.254.171.0/24", from_port: 443, description: "Pods to the services of the network" }),
      ]);
      const ingress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")) as Record<string, unknown>[];
      expect(ingress).toEqual([
        expect.objectContaining({ referenced_security_group_id: expect.stringMatching(/aws_security_group\.Pods/), from_port: 443 }),
      ]);
      // Flow proof: the pods reach a service of the network through the association.
      const service = new LatticeService(stack, "Orders", { name: "orders", authPolicy: ALLOW_CONSUMER });
      service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.fixedResponse(200) });
      sn.associateService("orders", service);
      const verdict = expectFlow(stack, { vpc: app, securityGroup: pods, principal: "arn:aws:iam::222222222222:role/app" }, { target: service });
      verdict.toBeDenied("fixed 200 response");
      expect(verdict.verdict.hops.filter((h) => h.kind === "security-group").every((h) => h.ok)).toBe(true);
    });

    test("fails when a VPC gets a second service network association", () => {
      const stack = stackWithProvider();
      const app = vpc(stack);
      network(stack).associateVpc("app", { vpc: app });
      const other = new ServiceNetwork(stack, "Other", { name: "other-network", authPolicy: ALLOW_CONSUMER });
      const error = expectValidationError(() => other.associateVpc("app", { vpc: app }), "vpc", "a VPC that is already associated");
      expect(error.expected).toContain("test/Network/Vpc-app");
      expect(error.expected).toContain("ServiceNetworkEndpoint");
    });

    test("fails when an imported VPC has a service network association already (VpcAttributes.serviceNetworkAssociation), made elsewhere", () => {
      const stack = stackWithProvider();
      const attrs = { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16" };
      const associated = Vpc.fromVpcAttributes(stack, "Associated", { ...attrs, serviceNetworkAssociation: "snva-0123456789abcdef0" });
      const shared = network(stack);
      const error = expectValidationError(() => shared.associateVpc("app", { vpc: associated }), "vpc", "vpc-0123456789abcdef0");
      expect(error.expected).toBe(
        "a VPC without a service network association (it has snva-0123456789abcdef0 already, VpcAttributes.serviceNetworkAssociation): AWS allows one service network association per VPC; reach another network with a ServiceNetworkEndpoint",
      );
      // A VPC that declares none is associated, and the associated one reaches the network by an endpoint.
      shared.associateVpc("free", { vpc: Vpc.fromVpcAttributes(stack, "Free", { ...attrs, vpcId: "vpc-0123456789abcdef1" }) });
      new ServiceNetworkEndpoint(stack, "Endpoint", {
        vpc: Vpc.fromVpcAttributes(stack, "WithSubnets", {
          ...attrs,
          serviceNetworkAssociation: "snva-0123456789abcdef0",
          privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
          availabilityZones: ["us-east-1a", "us-east-1b"],
        }),
        serviceNetwork: shared,
      });
      expect(() => synthJson(stack)).not.toThrow();
    });

    test("fails when two imports of one VPC ID are both associated, even from different stacks", () => {
      const stack = stackWithProvider();
      const second = new TerraformStack(stack.node.root as never, "second");
      new AwsProvider(second, "aws", { region: "us-east-1" });
      const attrs = { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16" };
      network(stack).associateVpc("app", { vpc: Vpc.fromVpcAttributes(stack, "Imported", attrs) });
      const imported = ServiceNetwork.fromArn(second, "Network", NETWORK_ARN);
      expectValidationError(
        () => imported.associateVpc("app", { vpc: Vpc.fromVpcAttributes(second, "Imported", attrs) }),
        "vpc",
        "vpc-0123456789abcdef0",
      );
    });
  });

  test("fails when a network shared through RAM gets a resource configuration that does not allow shareable networks (AWS refuses the association)", () => {
    const build = (allowAssociationToShareableServiceNetwork?: OptOut) => {
      const { stack, gateway } = gatewayStack();
      const shared = network(stack, { sharing: { principals: [SharePrincipal.account("222222222222")] } });
      const database = new ResourceConfiguration(stack, "Database", {
        name: "orders-db",
        resourceGateway: gateway,
        ipResource: { ipAddress: "10.0.0.50" },
        ports: [Port.tcp(5432)],
        allowAssociationToShareableServiceNetwork,
      });
      return () => shared.associateResourceConfiguration("db", database);
    };
    const error = expectValidationError(build(), "resourceConfiguration", "test/Database");
    expect(error.expected).toContain("test/Network is shared through RAM");
    expect(build(OptOut.because("the platform network is shared with the reporting accounts"))).not.toThrow();
    // A network that is not shared takes the configuration as it is.
    const { stack, gateway } = gatewayStack();
    const database = new ResourceConfiguration(stack, "Database", {
      name: "orders-db",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.0.50" },
      ports: [Port.tcp(5432)],
    });
    expect(() => network(stack).associateResourceConfiguration("db", database)).not.toThrow();
  });

  test("service and resource associations name both sides by ARN and use their owner's provider", () => {
    const stack = stackWithProvider();
    const owner = new AwsProvider(stack, "owner", { region: "us-east-1", alias: "owner" });
    const shared = network(stack);
    shared.associateService("orders", { ...fakeService(), provider: owner });
    shared.associateResourceConfiguration("db", { resourceConfigurationArn: CONFIGURATION_ARN, resourceConfigurationId: "rcfg-0123456789abcdef0" });
    const service = only(stack, "aws_vpclattice_service_network_service_association");
    expect(service).toEqual(expect.objectContaining({ service_identifier: SERVICE_ARN, provider: "aws.owner" }));
    expect(service.service_network_identifier).toMatch(/\.arn\}$/);
    const resource = only(stack, "aws_vpclattice_service_network_resource_association");
    expect(resource.resource_configuration_identifier).toBe(CONFIGURATION_ARN);
    expect(resource.provider).toBeUndefined();
  });

  describe("a service with a TLS_PASSTHROUGH listener", () => {
    const anonymous = OptOut.because("TLS passthrough carries no SigV4 signature");
    function tlsService(stack: TerraformStack): LatticeService {
      const svc = new LatticeService(stack, "Tls", {
        name: "tls",
        customDomainName: "tls.example.com",
        authPolicy: new AuthPolicy().allow({ sourceVpcOwnerAccounts: ["111111111111"], allowAnonymous: anonymous }),
      });
      const group = LatticeTargetGroup.fromLatticeTargetGroupAttributes(stack, "Tcp", {
        targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
        type: "IP",
        protocol: "TCP",
      });
      svc.addListener({ protocol: "TLS_PASSTHROUGH", defaultAction: LatticeListenerAction.forward(group) });
      return svc;
    }

    test("fails when it joins a network whose policy admits no anonymous caller, whichever comes first", () => {
      const stack = stackWithProvider();
      network(stack).associateService("tls", tlsService(stack));
      expectValidationError(() => synthJson(stack), "serviceNetwork", "test/Network");
    });

    test("joins a network whose policy admits anonymous callers, or one of authType NONE", () => {
      const stack = stackWithProvider();
      const svc = tlsService(stack);
      network(stack, {
        authPolicy: new AuthPolicy().allow({ sourceVpcOwnerAccounts: ["111111111111"], allowAnonymous: anonymous }),
      }).associateService("tls", svc);
      new ServiceNetwork(stack, "Open", {
        name: "open",
        authType: "NONE",
        allowUnauthenticatedAccess: OptOut.because("a sandbox network for the tests"),
      }).associateService("tls", svc);
      expect(() => synthJson(stack)).not.toThrow();
    });
  });

  describe("custom domain names of the network's services", () => {
    const domainService = (stack: TerraformStack, id: string, name: string, customDomainName: string) => {
      const service = new LatticeService(stack, id, { name, authPolicy: ALLOW_CONSUMER, customDomainName });
      service.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
      return service;
    };

    test("fails when two services of one network serve the same custom domain name, in any case (AWS refuses the second association)", () => {
      const stack = stackWithProvider();
      const sn = network(stack);
      sn.associateService("orders", domainService(stack, "Orders", "orders", "orders.internal.example.com"));
      const error = expectValidationError(
        () => sn.associateService("orders-v2", domainService(stack, "OrdersV2", "orders-v2", "Orders.Internal.Example.com")),
        "service",
        "test/OrdersV2",
      );
      expect(error.constructPath).toBe("test/Network/Service-orders-v2");
      expect(error.expected).toContain("test/Network/Service-orders associates a service with Orders.Internal.Example.com already");
      expect(error.expected).toContain("unique within a service network");
    });

    test("the same custom domain name in two networks, or different names in one, are associated, and the name reaches its network's service", () => {
      const stack = stackWithProvider();
      const clients = vpc(stack);
      const backend = vpc(stack, "Backend");
      const blue = network(stack);
      const green = new ServiceNetwork(stack, "Green", { name: "green-services", authPolicy: ALLOW_CONSUMER });
      const targets = new LatticeTargetGroup(stack, "Tasks", {
        name: "orders-tasks",
        type: "IP",
        vpc: backend,
        protocol: "HTTP",
        port: 8080,
        securityGroups: [new SecurityGroup(stack, "TasksGroup", { vpc: backend, description: "Order tasks" })],
        targets: { a: LatticeTarget.ipAddress("10.1.0.10") },
      });
      const zone = new PrivateHostedZone(stack, "Zone", { zoneName: "internal.example.com", vpc: clients });
      const orders = new LatticeService(stack, "Orders", {
        name: "orders",
        authPolicy: ALLOW_CONSUMER,
        customDomainName: "orders.internal.example.com",
        hostedZone: zone,
      });
      orders.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.forward(targets) });
      blue.associateService("orders", orders);
      blue.associateService("payments", domainService(stack, "Payments", "payments", "payments.internal.example.com"));
      green.associateService("orders", domainService(stack, "GreenOrders", "green-orders", "orders.internal.example.com"));
      blue.associateVpc("clients", { vpc: clients, ports: [Port.tcp(80)] });
      expect(Object.keys(resourcesOfType(stack, "aws_vpclattice_service_network_service_association"))).toHaveLength(3);
      // Flow proof: the blue network's clients reach its orders service by the custom domain name.
      expectFlow(
        stack,
        { vpc: clients, principal: "arn:aws:iam::222222222222:role/app" },
        { dnsName: "orders.internal.example.com", port: 80 },
      ).toBeAllowed();
    });
  });

  describe("a service whose auth policy shares no caller with the network's (a request needs an Allow from both)", () => {
    const svcAllowing = (stack: TerraformStack, grant: Parameters<AuthPolicy["allow"]>[0]) =>
      new LatticeService(stack, "Orders", { name: "orders", authPolicy: new AuthPolicy().allow(grant) });

    test.each([
      ["accounts", { accounts: ["333333333333"] }, "account 222222222222", "account 333333333333"],
      ["a role of another account", { roles: ["arn:aws:iam::333333333333:role/orders-client"] }, "account 222222222222", "account 333333333333"],
    ])("fails when the service allows %s only", (_, grant, networkCallers, serviceCallers) => {
      const stack = stackWithProvider();
      network(stack).associateService("orders", svcAllowing(stack, grant));
      const error = expectValidationError(() => synthJson(stack), "service", "test/Orders");
      expect(error.expected).toContain(`the network's allows only ${networkCallers}, the service's only ${serviceCallers}`);
    });

    test("fails when the network and the service allow different organizations", () => {
      const stack = stackWithProvider();
      network(stack, { authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij" }) }).associateService(
        "orders",
        svcAllowing(stack, { organizationPaths: ["o-zyxwvutsrq/r-ab12/ou-ab12-11111111/*"] }),
      );
      expectValidationError(() => synthJson(stack), "service", "test/Orders");
    });

    test.each([
      ["an account the network allows", { accounts: ["222222222222", "333333333333"] }],
      ["a role of an account the network allows", { roles: ["arn:aws:iam::222222222222:role/orders-client"] }],
      ["an organization (the network's account may be in it)", { organizationId: "o-abcdefghij" }],
      ["anyone of its source VPCs", { sourceVpcOwnerAccounts: ["333333333333"] }],
    ])("joins when the service allows %s", (_, grant) => {
      const stack = stackWithProvider();
      network(stack).associateService("orders", svcAllowing(stack, grant));
      expect(() => synthJson(stack)).not.toThrow();
    });

    test("joins when a policy names an account only Terraform knows, or when the service is imported", () => {
      const stack = stackWithProvider();
      const account = new TerraformVariable(stack, "account", { type: "string" }).stringValue;
      network(stack).associateService("orders", svcAllowing(stack, { accounts: [account] }));
      new ServiceNetwork(stack, "Other", { name: "other", authPolicy: ALLOW_CONSUMER }).associateService("imported", fakeService());
      expect(() => synthJson(stack)).not.toThrow();
    });
  });

  test("warns once when service associations exceed the adjustable quota of 500 per network", () => {
    const stack = stackWithProvider();
    const shared = network(stack);
    const warnings = () => stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data as string));
    const service = (i: number) => fakeService(`arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-${String(i).padStart(17, "0")}`);
    for (let i = 0; i < 500; i++) shared.associateService(`s${i}`, service(i));
    expect(warnings()).toEqual([]);
    shared.associateService("s500", service(500));
    shared.associateService("s501", service(501));
    expect(warnings()).toEqual([expect.stringContaining('"Service associations per service network" quota')]);
  });

  test("construct IDs follow the association names, so addresses survive reordering", () => {
    const stack = stackWithProvider();
    const shared = network(stack);
    shared.associateService("orders", fakeService());
    expect(Object.keys(resourcesOfType(stack, "aws_vpclattice_service_network_service_association"))).toEqual([
      expect.stringMatching(/^Network_Service-orders_/),
    ]);
  });

  describe("importers", () => {
    test("fromArn takes the ID from the ARN", () => {
      const stack = stackWithProvider();
      const imported = ServiceNetwork.fromArn(stack, "Imported", NETWORK_ARN);
      expect(imported.serviceNetworkId).toBe("sn-0123456789abcdef0");
      imported.associateService("orders", fakeService());
      expect(only(stack, "aws_vpclattice_service_network_service_association").service_network_identifier).toBe(NETWORK_ARN);
    });

    test("fromArn of a reference splits it in Terraform", () => {
      const stack = stackWithProvider();
      const created = network(stack);
      const imported = ServiceNetwork.fromArn(stack, "Imported", created.serviceNetworkArn);
      new TerraformOutput(stack, "id", { value: imported.serviceNetworkId });
      expect(synthJson(stack).output.id.value).toMatch(/^\$\{element\(split\("\/", aws_vpclattice_service_network\.[\w-]+\.arn\), 1\)\}$/);
    });

    test("fromId builds the ARN from the owner account and region", () => {
      const stack = stackWithProvider();
      const imported = ServiceNetwork.fromId(stack, "Imported", {
        serviceNetworkId: "sn-0123456789abcdef0",
        accountId: "111111111111",
        region: "us-east-1",
      });
      expect(imported.serviceNetworkArn).toBe(NETWORK_ARN);
    });

    test("fails when fromArn gets something else than a service network ARN", () => {
      const stack = stackWithProvider();
      expectValidationError(() => ServiceNetwork.fromArn(stack, "Imported", SERVICE_ARN), "serviceNetworkArn", SERVICE_ARN);
    });

    describe("a network shared by a RAM share whose invitation must be accepted (resourceShareArn)", () => {
      const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e";
      const consumer = () => {
        const stack = new TerraformStack(testApp(), "test");
        const provider = new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["222222222222"] });
        return { stack, provider };
      };

      test("accepts the share with the provider, and every association and ServiceNetwork endpoint waits for the acceptance", () => {
        const { stack, provider } = consumer();
        const shared = ServiceNetwork.fromServiceNetworkAttributes(stack, "Shared", {
          serviceNetworkArn: NETWORK_ARN,
          resourceShareArn: SHARE_ARN,
          provider,
        });
        shared.associateVpc("app", { vpc: vpc(stack) });
        new ServiceNetworkServiceAssociation(stack, "Direct", { serviceNetwork: shared, service: fakeService() });
        new ServiceNetworkEndpoint(stack, "Endpoint", { vpc: vpc(stack, "Other"), serviceNetwork: shared });
        expect(only(stack, "aws_ram_resource_share_accepter").share_arn).toBe(SHARE_ARN);
        const accepter = expect.stringMatching(/^aws_ram_resource_share_accepter\.Shared_ShareAccepter_/);
        expect(only(stack, "aws_vpclattice_service_network_vpc_association").depends_on).toEqual([accepter]);
        expect(only(stack, "aws_vpclattice_service_network_service_association").depends_on).toEqual([accepter]);
        expect(only(stack, "aws_vpc_endpoint").depends_on).toEqual([accepter]);
        // The import is typed as what it is: its acceptance is reachable without a cast.
        expect(shared.shareAccepter?.node.id).toBe("ShareAccepter");
        expect(shared.shareDependencies).toEqual([shared.shareAccepter?.resource]);
      });

      test("without it, nothing is accepted and nothing waits (shared within the organization, or accepted elsewhere)", () => {
        const { stack, provider } = consumer();
        const shared = ServiceNetwork.fromServiceNetworkAttributes(stack, "Shared", { serviceNetworkArn: NETWORK_ARN, provider });
        shared.associateVpc("app", { vpc: vpc(stack) });
        expect(resourcesOfType(stack, "aws_ram_resource_share_accepter")).toEqual({});
        expect(only(stack, "aws_vpclattice_service_network_vpc_association").depends_on).toBeUndefined();
      });

      test("fails when resourceShareArn comes with the provider of the network's owner, which accepts no share of its own", () => {
        const stack = new TerraformStack(testApp(), "test");
        const owner = new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const error = expectValidationError(
          () =>
            ServiceNetwork.fromServiceNetworkAttributes(stack, "Shared", {
              serviceNetworkArn: NETWORK_ARN,
              resourceShareArn: SHARE_ARN,
              provider: owner,
            }),
          "resourceShareArn",
          SHARE_ARN,
        );
        expect(error.expected).toMatch(/^unset for a network of the provider's own account \(111111111111\)/);
        expect(error.message).toContain("test/Shared:");
      });

      test("fails when resourceShareArn comes without the provider of the account that accepts", () => {
        const { stack } = consumer();
        const error = expectValidationError(
          () => ServiceNetwork.fromServiceNetworkAttributes(stack, "Shared", { serviceNetworkArn: NETWORK_ARN, resourceShareArn: SHARE_ARN }),
          "provider",
          "undefined",
        );
        expect(error.expected).toContain("accepts the share's invitation");
      });

      test("fails when resourceShareArn is not a RAM share ARN, or not one of the network's owner and region", () => {
        const { stack, provider } = consumer();
        const imported = (id: string, resourceShareArn: string) =>
          ServiceNetwork.fromServiceNetworkAttributes(stack, id, { serviceNetworkArn: NETWORK_ARN, resourceShareArn, provider });
        expect(expectValidationError(() => imported("Network", NETWORK_ARN), "resourceShareArn", NETWORK_ARN).expected).toContain(
          "a RAM resource share ARN",
        );
        const otherOwner = SHARE_ARN.replace("111111111111", "333333333333");
        expect(expectValidationError(() => imported("Owner", otherOwner), "resourceShareArn", otherOwner).expected).toContain(
          "only a resource's owner shares it",
        );
        const otherRegion = SHARE_ARN.replace("us-east-1", "us-west-2");
        expectValidationError(() => imported("Region", otherRegion), "resourceShareArn", otherRegion);
        expect(() => imported("Valid", SHARE_ARN)).not.toThrow();
      });

      test("fails when the network's region differs from the share's, with a provider of no literal region", () => {
        const stack = new TerraformStack(testApp(), "test");
        const provider = new AwsProvider(stack, "aws", { region: new TerraformVariable(stack, "region", {}).stringValue });
        const otherRegion = SHARE_ARN.replace("us-east-1", "us-west-2");
        const error = expectValidationError(
          () =>
            ServiceNetwork.fromServiceNetworkAttributes(stack, "Shared", { serviceNetworkArn: NETWORK_ARN, resourceShareArn: otherRegion, provider }),
          "resourceShareArn",
          otherRegion,
        );
        expect(error.expected).toContain("RAM shares are regional");
      });
    });

    test("fails when fromId gets a malformed ID or account", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () => ServiceNetwork.fromId(stack, "A", { serviceNetworkId: "sn-123", accountId: "111111111111", region: "us-east-1" }),
        "serviceNetworkId",
        "sn-123",
      );
      expectValidationError(
        () => ServiceNetwork.fromId(stack, "B", { serviceNetworkId: "sn-0123456789abcdef0", accountId: "1111", region: "us-east-1" }),
        "accountId",
        "1111",
      );
    });
  });

  describe("validation", () => {
    test.each([
      ["too short", "ab"],
      ["too long", "a".repeat(64)],
      ["uppercase", "Shared-Services"],
      ["a leading hyphen", "-shared"],
      ["a trailing hyphen", "shared-"],
      ["a double hyphen", "shared--services"],
      ["an underscore", "shared_services"],
      ["the reserved prefix", "servicenetwork-shared"],
    ])("fails when the name has %s", (_, name) => {
      const stack = stackWithProvider();
      expectValidationError(() => network(stack, { name }), "name", JSON.stringify(name));
    });

    test("accepts 3 and 63 characters", () => {
      const stack = stackWithProvider();
      network(stack, { name: "abc" });
      new ServiceNetwork(stack, "Long", { name: "a".repeat(63), authPolicy: ALLOW_CONSUMER });
      expect(Object.keys(resourcesOfType(stack, "aws_vpclattice_service_network"))).toHaveLength(2);
    });

    test("fails when authType is NONE without the explicit opt-in", () => {
      const stack = stackWithProvider();
      const error = expectValidationError(() => network(stack, { authType: "NONE", authPolicy: undefined }), "authType", "NONE");
      expect(error.expected).toContain("allowUnauthenticatedAccess");
    });

    test("fails when authType is NONE with an auth policy", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () => network(stack, { authType: "NONE", allowUnauthenticatedAccess: true }),
        "authPolicy",
        "a policy with authType NONE",
      );
    });

    test("fails when authType is unknown", () => {
      const stack = stackWithProvider();
      expectValidationError(() => network(stack, { authType: "IAM" as "AWS_IAM" }), "authType", "IAM");
    });

    test("fails when AWS_IAM has no policy and no sharing principals to derive one from", () => {
      const stack = stackWithProvider();
      const error = expectValidationError(() => network(stack, { authPolicy: undefined }), "authPolicy", "undefined");
      expect(error.expected).toContain("denies every request");
    });

    test("fails when a RAM principal is malformed", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () => network(stack, { sharing: { principals: [SharePrincipal.account("22222222222x")] } }),
        "principals[0]",
        "22222222222x",
      );
    });

    test("fails when an auth policy grant is invalid, naming the network's prop", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () => network(stack, { authPolicy: new AuthPolicy().allow({ paths: ["orders"], accounts: ["222222222222"] }) }),
        "authPolicy.statements[0].paths[0]",
        "orders",
      );
    });
  });

  test("synthesizes one service network per construct with stable IDs", () => {
    const stack = stackWithProvider();
    network(stack);
    expect(Object.keys(synthJson(stack).resource.aws_vpclattice_service_network)).toEqual([expect.stringMatching(/^Network_/)]);
  });
});

describe("misspelled props", () => {
  test("fails when a prop of ServiceNetwork is misspelled: authtype NONE would be ignored and AWS_IAM applied without a word", () => {
    const error = expectValidationError(
      () => network(stackWithProvider(), { authtype: "NONE" } as Partial<ServiceNetworkProps>),
      "authtype",
      '"NONE"',
    );
    expect(error.constructPath).toBe("test/Network");
    expect(error.message).toContain("did you mean authType?");
  });

  test("fails when a field of sharing is misspelled: allowExternalPrincipal would leave the share inside the organization", () => {
    const sharing = { principals: [SharePrincipal.account("222222222222")], allowExternalPrincipal: OptOut.because("partner") };
    const error = expectValidationError(
      () => network(stackWithProvider(), { authPolicy: undefined, sharing } as Partial<ServiceNetworkProps>),
      "sharing.allowExternalPrincipal",
      "partner",
    );
    expect(error.message).toContain("did you mean allowExternalPrincipals?");
  });

  test("fails when an attribute of an imported network is misspelled: resourceConfigurationOnly would let services join", () => {
    const error = expectValidationError(
      () =>
        ServiceNetwork.fromServiceNetworkAttributes(stackWithProvider(), "Imported", {
          serviceNetworkArn: NETWORK_ARN,
          resourceConfigurationOnly: true,
        } as Parameters<typeof ServiceNetwork.fromServiceNetworkAttributes>[2]),
      "resourceConfigurationOnly",
      "true",
    );
    expect(error.message).toContain("did you mean resourceConfigurationsOnly?");
  });

  test("fails when an option of associateVpc, associateService or an association is misspelled or not one it takes", () => {
    const stack = stackWithProvider();
    const shared = network(stack);
    const options = { vpc: vpc(stack), opne: false } as Parameters<ServiceNetwork["associateVpc"]>[1];
    const error = expectValidationError(() => shared.associateVpc("app", options), "opne", "false");
    expect(error.constructPath).toBe("test/Network");
    expect(error.message).toContain("did you mean open?");
    // The network the method gives the association would hide this one: refused, not ignored.
    const other = ServiceNetwork.fromServiceNetworkAttributes(stack, "Other", { serviceNetworkArn: NETWORK_ARN });
    const withNetwork = { vpc: vpc(stack, "Vpc2"), serviceNetwork: other } as Parameters<ServiceNetwork["associateVpc"]>[1];
    expectValidationError(() => shared.associateVpc("app2", withNetwork), "serviceNetwork", "");
    const serviceOptions = { dependOn: [] } as Parameters<ServiceNetwork["associateService"]>[2];
    expect(expectValidationError(() => shared.associateService("orders", fakeService(), serviceOptions), "dependOn", "[]").message).toContain(
      "did you mean dependsOn?",
    );
    const props = { serviceNetwork: shared, service: fakeService(), tag: { team: "a" } } as ConstructorParameters<
      typeof ServiceNetworkServiceAssociation
    >[2];
    expect(expectValidationError(() => new ServiceNetworkServiceAssociation(stack, "Direct", props), "tag", "team").message).toContain(
      "did you mean tags?",
    );
  });
});
