import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { ResourceEndpoint } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { AuthPolicy, LatticeService, LatticeTarget, ListenerAction, PathMatch, ServiceNetwork, TargetGroup } from "../../modules/lattice";
import { EndpointService, ListenerTargets, PrivateLinkSaasOffering } from "../../modules/privatelink";
import { ResourceConfiguration, ResourceGateway, SharedResourceAccess } from "../../modules/resources";
import { Peer, PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { ResourceShareAccepter, SharePrincipal } from "../../modules/ram";
import { InterfaceEndpoint } from "../../modules/endpoints";
import { expectValidationError, testApp } from "../helpers";

const ORG = "o-a1b2c3d4e5";
const CALLER = { arn: "arn:aws:iam::111111111111:role/checkout", organizationId: ORG };

function stack(): TerraformStack {
  const s = new TerraformStack(testApp(), "services");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  return s;
}

function vpc(
  scope: TerraformStack,
  id: string,
  cidrBlock: string,
  provider?: AwsProvider,
  availabilityZones = ["us-east-1a", "us-east-1b"],
): PrivateVpc {
  return new PrivateVpc(scope, id, { name: id.toLowerCase(), cidrBlock, availabilityZones, provider });
}

describe("VPC Lattice flows", () => {
  function lattice(options: { targetsOpen?: boolean; associate?: boolean } = {}) {
    const s = stack();
    const client = vpc(s, "ClientVpc", "10.10.0.0/16");
    const app = vpc(s, "AppVpc", "10.11.0.0/16");
    const other = vpc(s, "OtherVpc", "10.12.0.0/16");
    const targets = new TargetGroup(s, "Orders", {
      name: "orders",
      type: "IP",
      vpc: app,
      protocol: "HTTP",
      port: 8080,
      targets: { a: LatticeTarget.ipAddress("10.11.0.10") },
    });
    if (options.targetsOpen !== false)
      TargetGroup.allowLatticeTraffic(new SecurityGroup(s, "Tasks", { vpc: app, description: "Order tasks" }), targets);
    const callers = new AuthPolicy().allow({ sid: "ClientVpc", organizationId: ORG, sourceVpcs: [client] });
    const service = new LatticeService(s, "Api", { name: "orders-api", authPolicy: callers });
    service.addListener({
      protocol: "HTTPS",
      defaultAction: ListenerAction.fixedResponse(404),
      rules: [{ name: "orders", priority: 10, match: { path: PathMatch.prefix("/orders") }, action: ListenerAction.forward(targets) }],
    });
    const network = new ServiceNetwork(s, "Network", { name: "shop", authPolicy: callers });
    network.associateService("orders", service);
    if (options.associate !== false) network.associateVpc("clients", { vpc: client });
    network.associateVpc("other", { vpc: other });
    return { s, client, other, service };
  }

  test("a signed caller of the organization in the client VPC reaches the orders rule's targets", () => {
    const { s, client, service } = lattice();
    expectFlow(s, { vpc: client, principal: CALLER }, { target: service, request: { method: "GET", path: "/orders/42" } }).toBeAllowed();
  });

  test("fails when the path matches no rule: the listener answers 404 itself", () => {
    const { s, client, service } = lattice();
    expectFlow(s, { vpc: client, principal: CALLER }, { target: service, request: { path: "/admin" } }).toBeDenied("fixed 404 response");
  });

  test("fails when the caller comes from another associated VPC: the auth policy names the condition", () => {
    const { s, other, service } = lattice();
    expectFlow(s, { vpc: other, principal: CALLER }, { target: service, request: { path: "/orders" } }).toBeDenied(
      "no Allow statement matches arn:aws:iam::111111111111:role/checkout (vpc-lattice-svcs:SourceVpc)",
    );
  });

  test("fails when requests are unsigned", () => {
    const { s, client, service } = lattice();
    expectFlow(s, { vpc: client, principal: { anonymous: true } }, { target: service, request: { path: "/orders" } }).toBeDenied("aws:PrincipalType");
  });

  test("fails when no security group admits VPC Lattice to the targets", () => {
    const { s, client, service } = lattice({ targetsOpen: false });
    expectFlow(s, { vpc: client, principal: CALLER }, { target: service, request: { path: "/orders" } }).toBeDenied(
      "admits VPC Lattice (169.254.171.0/24) on 8080",
    );
  });

  test("fails when the client VPC is not associated with the network", () => {
    const { s, client, service } = lattice({ associate: false });
    expectFlow(s, { vpc: client, principal: CALLER }, { target: service }).toBeDenied(
      "neither associated with a service network that holds service orders-api",
    );
  });
});

describe("VPC Lattice targets registered by someone else", () => {
  function registered(options: { open: boolean }) {
    const s = stack();
    const client = vpc(s, "ClientVpc", "10.10.0.0/16");
    const app = vpc(s, "AppVpc", "10.11.0.0/16");
    const tasks = new SecurityGroup(s, "Tasks", { vpc: app, description: "Order tasks" });
    // A group in the VPC that admits VPC Lattice but is not the tasks' one must not count.
    TargetGroup.allowLatticeTraffic(
      new SecurityGroup(s, "OtherWorkloads", { vpc: app, description: "Other workloads" }),
      new TargetGroup(s, "Other", { name: "other", type: "IP", vpc: app, protocol: "HTTP", port: 8080 }),
    );
    const targets = new TargetGroup(s, "Orders", {
      name: "orders",
      type: "IP",
      vpc: app,
      protocol: "HTTP",
      port: 8080,
      targetsRegisteredBy: "the ECS service orders",
      targetSecurityGroups: [tasks],
    });
    if (options.open) TargetGroup.allowLatticeTraffic(tasks, targets);
    const callers = new AuthPolicy().allow({ sid: "ClientVpc", organizationId: ORG, sourceVpcs: [client] });
    const service = new LatticeService(s, "Api", { name: "orders-api", authPolicy: callers });
    service.addListener({ protocol: "HTTPS", defaultAction: ListenerAction.forward(targets) });
    const network = new ServiceNetwork(s, "Network", { name: "shop", authPolicy: callers });
    network.associateService("orders", service);
    network.associateVpc("clients", { vpc: client });
    return { s, client, service };
  }

  test("the registrar is an assumption, and the tasks' own security group admits VPC Lattice", () => {
    const { s, client, service } = registered({ open: true });
    const expectation = expectFlow(s, { vpc: client, principal: CALLER }, { target: service });
    expectation.toBeAllowed();
    expect(expectation.verdict.assumptions).toContain("the ECS service orders registers healthy targets in orders");
  });

  test("fails when the declared security groups of the targets do not admit VPC Lattice, whatever other groups of the VPC do", () => {
    const { s, client, service } = registered({ open: false });
    expectFlow(s, { vpc: client, principal: CALLER }, { target: service }).toBeDenied(
      "none of the security groups of the targets of orders admits VPC Lattice (169.254.171.0/24) on 8080",
    );
  });
});

describe("VPC Lattice across accounts, seen from one side", () => {
  const OU = "arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-devteams1";
  const TEAM = { arn: "arn:aws:iam::444444444444:role/tests", organizationId: ORG, organizationPaths: ["o-a1b2c3d4e5/r-ab12/ou-ab12-devteams1/"] };
  const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0a1b2c3d4e5f67890";
  const SERVICE_NAME = "catalog-0a1b2c3d4e5f67890.7d67968.vpc-lattice-svcs.us-east-1.on.aws";

  /** The owner's side: a network shared with an OU, whose members associate their VPCs in their own stacks. */
  function owner() {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.11.0.0/16");
    const targets = new TargetGroup(s, "Orders", {
      name: "orders",
      type: "IP",
      vpc: app,
      protocol: "HTTP",
      port: 8080,
      targets: { a: LatticeTarget.ipAddress("10.11.0.10") },
    });
    TargetGroup.allowLatticeTraffic(new SecurityGroup(s, "Tasks", { vpc: app, description: "Order tasks" }), targets);
    const service = new LatticeService(s, "Api", {
      name: "orders-api",
      authPolicy: AuthPolicy.fromSharePrincipals([SharePrincipal.organizationalUnit(OU)]),
    });
    service.addListener({ protocol: "HTTPS", defaultAction: ListenerAction.forward(targets) });
    const network = new ServiceNetwork(s, "Network", { name: "shared", sharing: { principals: [SharePrincipal.organizationalUnit(OU)] } });
    network.associateService("orders", service);
    return { s, service };
  }

  test("a VPC made elsewhere, named by ID, enters through the share when its caller's organization paths put its account in the shared OU", () => {
    const { s, service } = owner();
    const expectation = expectFlow(s, { vpc: "vpc-0d1e2f3a4b5c60718", principal: TEAM }, { target: service });
    expectation.toBeAllowed();
    expect(expectation.verdict.assumptions).toContain(
      "VPC vpc-0d1e2f3a4b5c60718 (made elsewhere, account 444444444444) is associated with service network shared in its owner's stack, and the association's security groups admit the client on 443",
    );
  });

  test("fails when the caller's organization paths show an account outside the shared OU", () => {
    const { s, service } = owner();
    const outsider = { ...TEAM, arn: "arn:aws:iam::555555555555:role/app", organizationPaths: ["o-a1b2c3d4e5/r-ab12/ou-ab12-prodapps1/"] };
    expectFlow(s, { vpc: "vpc-0d1e2f3a4b5c60718", principal: outsider }, { target: service }).toBeDenied(
      "no RAM share in this stack gives service network shared to account 555555555555",
    );
  });

  test("without organization paths, OU membership is an assumption", () => {
    const { s, service } = owner();
    const expectation = expectFlow(s, { vpc: "vpc-0d1e2f3a4b5c60718", principal: { arn: TEAM.arn, organizationId: ORG } }, { target: service });
    // The share lets it in on an assumption; the OU-based auth policy then wants the paths.
    expectation.toBeDenied("aws:PrincipalOrgPaths");
    expect(expectation.verdict.assumptions).toContain(`account 444444444444 is in ${OU}`);
  });

  /** The member's side: the network by ARN, the share accepted here, the client VPC associated. */
  function member(options: { waitForAcceptance: boolean }) {
    const s = new TerraformStack(testApp(), "member");
    const provider = new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["222222222222"] });
    const client = vpc(s, "ClientVpc", "10.60.0.0/16");
    const accepter = new ResourceShareAccepter(s, "Accept", {
      share: { resourceShareArn: "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e" },
      provider,
    });
    ServiceNetwork.fromArn(s, "Network", NETWORK_ARN).associateVpc("clients", {
      vpc: client,
      dependsOn: options.waitForAcceptance ? [accepter.resource] : undefined,
    });
    return { s, client };
  }

  test("a service made elsewhere, dialed by its generated name, is reached once the share is accepted before the association; the owner's grants are assumptions", () => {
    const { s, client } = member({ waitForAcceptance: true });
    const expectation = expectFlow(
      s,
      { vpc: client, principal: { arn: "arn:aws:iam::222222222222:role/app" } },
      { dnsName: SERVICE_NAME, request: { path: "/catalog" } },
    );
    expectation.toBeAllowed();
    expect(expectation.verdict.assumptions).toContain(
      `the auth policies of service network ${NETWORK_ARN} and of the service allow arn:aws:iam::222222222222:role/app to GET /catalog (granted on the owner's side)`,
    );
  });

  test("fails when the association does not wait for the acceptance of the owner's share: a race at apply", () => {
    const { s, client } = member({ waitForAcceptance: false });
    expectFlow(s, { vpc: client }, { dnsName: SERVICE_NAME }).toBeDenied("is created without waiting for the acceptance");
  });

  test("fails when the VPC has no way into any network: the generated name resolves, but nothing carries the request", () => {
    const s = stack();
    const lonely = vpc(s, "LonelyVpc", "10.70.0.0/16");
    expectFlow(s, { vpc: lonely }, { dnsName: SERVICE_NAME }).toBeDenied(
      "is neither associated with a service network nor has a ServiceNetwork endpoint to one",
    );
  });
});

describe("PrivateLink flows", () => {
  function offering(acceptanceRequired: boolean) {
    const s = stack();
    const consumerAccount = new AwsProvider(s, "aws-consumer", { alias: "consumer", region: "us-east-1", allowedAccountIds: ["222222222222"] });
    const provider = vpc(s, "ProviderVpc", "10.40.0.0/16");
    const consumer = vpc(s, "ConsumerVpc", "10.50.0.0/16", consumerAccount);
    const app = new SecurityGroup(s, "App", { vpc: provider, description: "API instances" });
    const offer = new PrivateLinkSaasOffering(s, "Api", {
      service: {
        acceptanceRequired,
        networkLoadBalancer: {
          vpc: provider,
          listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { a: "10.40.0.10" } }) }],
          ingressPeers: [Peer.cidr("10.50.0.0/16")],
        },
      },
      consumers: [{ name: "acme", accountId: "222222222222", provider: consumerAccount, vpc: consumer }],
    });
    app.addIngressRule({ peer: Peer.securityGroup(offer.service.loadBalancer!.securityGroup, "nlb"), port: 8443, description: "From the NLB" });
    return { s, consumer, offer };
  }

  test("fails when the consumer's subnets are placed by AZ name across accounts", () => {
    const { s, consumer, offer } = offering(true);
    expectFlow(s, consumer, { target: offer.consumers.acme.endpoint }).toBeDenied("place the endpoint's and the load balancer's subnets by AZ ID");
  });

  test("fails when acceptance is required and nothing accepts the endpoint", () => {
    const s = stack();
    const provider = vpc(s, "ProviderVpc", "10.40.0.0/16");
    const consumer = vpc(s, "ConsumerVpc", "10.50.0.0/16");
    const service = new EndpointService(s, "Svc", {
      networkLoadBalancer: {
        vpc: provider,
        listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { a: "10.40.0.10" } }) }],
      },
      allowedPrincipals: [],
      acceptanceRequired: true,
    });
    const endpoint = new InterfaceEndpoint(s, "Consumer", { vpc: consumer, service });
    expectFlow(s, consumer, { target: endpoint }).toBeDenied("allows no principal at all");
  });
});

describe("resource configuration flows", () => {
  const BY_ID = { owner: ["use1-az1", "use1-az2"], trusted: ["use1-az1", "use1-az2"] };
  function shared(waitForShare: boolean, placement: { owner: string[]; trusted: string[] } = BY_ID) {
    const s = stack();
    const trusted = new AwsProvider(s, "aws-trusted", { alias: "trusted", region: "us-east-1", allowedAccountIds: ["333333333333"] });
    const owner = vpc(s, "OwnerVpc", "10.0.0.0/16", undefined, placement.owner);
    const client = vpc(s, "TrustedVpc", "10.60.0.0/16", trusted, placement.trusted);
    const gateway = new ResourceGateway(s, "Gateway", { name: "workers-ingress", vpc: owner });
    const host = new SecurityGroup(s, "Host", { vpc: owner, description: "Worker instance" });
    host.addIngressRule({
      peer: Peer.securityGroup(gateway.securityGroup!, "gateway"),
      port: 8000,
      toPort: 8100,
      description: "From the resource gateway",
    });
    const worker = new ResourceConfiguration(s, "Worker", {
      name: "worker-api",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.0.50" },
      portRanges: ["8000-8100"],
    });
    const access = new SharedResourceAccess(s, "Access", {
      name: "worker-api",
      resourceConfiguration: worker,
      partnerAccountId: "333333333333",
      partnerProvider: trusted,
      partnerVpc: client,
    });
    // What the endpoint waited for before SharedResourceAccess waited for the principal association too.
    if (!waitForShare && access.endpoint !== undefined)
      access.endpoint.resource.dependsOn = [(access.share.node.findChild("Resource-resource-configuration") as RamResourceAssociation).fqn];
    return { s, client, worker, access };
  }

  test("fails when the port is outside the configuration's ranges: the endpoint's group opens only those, and a wider group does not help", () => {
    const { s, client, worker } = shared(true);
    expectFlow(s, client, { target: worker, port: 22 }).toBeDenied("has no ingress from 10.60.0.0/24, 10.60.1.0/24 on tcp 22");
    const own = vpc(s, "OwnVpc", "10.70.0.0/16", undefined, BY_ID.owner);
    // ResourceEndpoint refuses to open a port the configuration does not offer; a rule added raw opens it anyway.
    expectValidationError(
      () => new ResourceEndpoint(s, "Refused", { vpc: own, resourceConfiguration: worker, ports: [{ from: 22, to: 22 }] }),
      "ports[0]",
      "22",
    );
    const wide = new ResourceEndpoint(s, "WideOpen", { vpc: own, resourceConfiguration: worker });
    new VpcSecurityGroupIngressRule(s, "WideOpen22", {
      securityGroupId: wide.securityGroup!.securityGroupId,
      cidrIpv4: "10.70.0.0/16",
      ipProtocol: "tcp",
      fromPort: 22,
      toPort: 22,
    });
    expectFlow(s, own, { target: worker, port: 22 }).toBeDenied("port 22 is not in the port ranges of resource configuration worker-api (8000-8100)");
  });

  test("fails when the endpoint does not wait for the share's principal association: a race at apply", () => {
    const { s, client, worker } = shared(false);
    expectFlow(s, client, { target: worker, port: 8080 }).toBeDenied("a race at apply");
  });

  test("a client of the trusted account reaches the port range once the endpoint waits for the share", () => {
    const { s, client, worker } = shared(true);
    expectFlow(s, client, { target: worker, port: 8080 }).toBeAllowed();
  });

  test("fails when the endpoint and the gateway are placed by AZ name in different accounts: the names may be other zones", () => {
    const { s, client, worker } = shared(true, { owner: ["us-east-1a", "us-east-1b"], trusted: ["us-east-1a", "us-east-1b"] });
    expectFlow(s, client, { target: worker, port: 8080 }).toBeDenied("place the endpoint's and the resource gateway's subnets by AZ ID");
  });

  test("fails when the endpoint's AZ IDs and the gateway's do not overlap (a configuration imported by ARN, which ResourceEndpoint cannot check)", () => {
    const { s, worker } = shared(true);
    const elsewhere = vpc(s, "ElsewhereVpc", "10.80.0.0/16", undefined, ["use1-az4", "use1-az6"]);
    const imported = ResourceConfiguration.fromAttributes(s, "Imported", {
      resourceConfigurationId: worker.resourceConfigurationId,
      resourceConfigurationArn: worker.resourceConfigurationArn,
      portRanges: ["8000-8100"],
    });
    new ResourceEndpoint(s, "Elsewhere", { vpc: elsewhere, resourceConfiguration: imported });
    expectFlow(s, elsewhere, { target: worker, port: 8080 }).toBeDenied("share no availability zone");
  });

  test("fails when the Resource endpoint's security group does not open the port", () => {
    const s = stack();
    const owner = vpc(s, "OwnerVpc", "10.0.0.0/16");
    const client = vpc(s, "ClientVpc", "10.30.0.0/16");
    const gateway = new ResourceGateway(s, "Gateway", { name: "app-ingress", vpc: owner });
    new SecurityGroup(s, "Host", { vpc: owner, description: "Host" }).addIngressRule({
      peer: Peer.securityGroup(gateway.securityGroup!, "gw"),
      port: 9100,
      description: "Scrapes",
    });
    const host = new ResourceConfiguration(s, "Host9100", {
      name: "node-exporter",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.1.25" },
      portRanges: ["9100"],
    });
    // Nobody admitted: open: false, and no rule through connections.
    new ResourceEndpoint(s, "Endpoint", { vpc: client, resourceConfiguration: host, open: false });
    expectFlow(s, client, { target: host, port: 9100 }).toBeDenied("has no ingress from 10.30.0.0/24, 10.30.1.0/24 on tcp 9100");
  });
});
