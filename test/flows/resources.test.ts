import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { VpclatticeServiceNetworkResourceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-resource-association";
import { ResourceEndpoint } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { AccessLogs, ServiceNetwork } from "../../modules/lattice";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { OptOut, Port } from "../../modules/core";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway, SharedDatabase, SharedResourceConsumer } from "../../modules/resources";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { rc5Ec2PortRange } from "../../stacks/resources/rc5-ec2-port-range";
import { testApp } from "../helpers";

const BY_ID = ["use1-az1", "use1-az2"];

function stack(): TerraformStack {
  const s = new TerraformStack(testApp(), "resources");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  return s;
}

function vpc(scope: TerraformStack, id: string, cidrBlock: string, provider?: AwsProvider): Vpc {
  return new Vpc(scope, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: BY_ID, provider });
}

/** A DNS resource behind a gateway, a security group admitting the gateway, and a client VPC with a Resource endpoint to it. */
function dnsResource(domainName: string) {
  const s = stack();
  const owner = vpc(s, "OwnerVpc", "10.0.0.0/16");
  const client = vpc(s, "ClientVpc", "10.30.0.0/16");
  const gateway = new ResourceGateway(s, "Gateway", { name: "app-ingress", vpc: owner });
  new SecurityGroup(s, "AppServers", { vpc: owner, description: "App servers" }).addIngressRule({
    peer: Peer.securityGroup(gateway.securityGroup!, "gw"),
    port: 443,
    description: "From the gateway",
  });
  const app = new ResourceConfiguration(s, "App", { name: "portal", resourceGateway: gateway, dnsResource: { domainName }, portRanges: ["443"] });
  new ResourceEndpoint(s, "Endpoint", { vpc: client, resourceConfiguration: app });
  return { s, owner, client, app };
}

describe("DNS resources resolve in public DNS (hashicorp/aws 5.100.0)", () => {
  test("fails when only a private hosted zone answers the name (a zone the library check did not see: made after the configuration, synth validation skipped)", () => {
    const { s, owner, client, app } = dnsResource("portal.apps.example.com");
    new Route53Zone(s, "Private", { name: "apps.example.com", vpc: [{ vpcId: owner.vpcId }] });
    expectFlow(s, client, { target: app, port: 443 }).toBeDenied("is in private hosted zone apps.example.com");
  });

  test("a public zone of the same name answers the gateway (split horizon), with the addresses its record holds", () => {
    const { s, owner, client, app } = dnsResource("portal.apps.example.com");
    new Route53Zone(s, "Private", { name: "apps.example.com", vpc: [{ vpcId: owner.vpcId }] });
    const published = new Route53Zone(s, "Public", { name: "apps.example.com" });
    new Route53Record(s, "Portal", { zoneId: published.zoneId, name: "portal.apps.example.com", type: "A", ttl: 60, records: ["10.0.0.80"] });
    const verdict = expectFlow(s, client, { target: app, port: 443 });
    verdict.toBeAllowed();
    expect(verdict.verdict.hops.map((h) => h.text)).toContain("portal.apps.example.com resolves in public hosted zone apps.example.com to 10.0.0.80");
  });

  test("fails when the public record points outside what the gateway's security group lets out", () => {
    const { s, client, app } = dnsResource("portal.apps.example.com");
    const published = new Route53Zone(s, "Public", { name: "apps.example.com" });
    new Route53Record(s, "Portal", { zoneId: published.zoneId, name: "portal.apps.example.com", type: "A", ttl: 60, records: ["192.168.7.7"] });
    expectFlow(s, client, { target: app, port: 443 }).toBeDenied("has no egress to 192.168.7.7/32 on 443");
  });
});

/** An IP database on 5432 behind a resource gateway in `owner`, and a group admitting the gateway on that port. */
function databaseBehindGateway(s: TerraformStack, owner: Vpc): ResourceConfiguration {
  const gateway = new ResourceGateway(s, "Gateway", { name: "db-ingress", vpc: owner });
  new SecurityGroup(s, "DbAccess", { vpc: owner, description: "Database" }).addIngressRule({
    peer: Peer.securityGroup(gateway.securityGroup!, "gw"),
    port: 5432,
    description: "From the gateway",
  });
  return new ResourceConfiguration(s, "Db", {
    name: "orders-db",
    resourceGateway: gateway,
    ipResource: { ipAddress: "10.0.0.5" },
    portRanges: ["5432"],
  });
}

describe("a configuration shared with another account and associated with that account's service network", () => {
  function consumerNetwork(wait: boolean) {
    const s = stack();
    const consumer = new AwsProvider(s, "aws-consumer", { alias: "consumer", region: "us-east-1", allowedAccountIds: ["222222222222"] });
    const owner = vpc(s, "OwnerVpc", "10.0.0.0/16");
    const client = vpc(s, "ConsumerVpc", "10.40.0.0/16", consumer);
    const database = databaseBehindGateway(s, owner);
    const share = new ResourceShare(s, "Share", { name: "orders-db", principals: [SharePrincipal.account("222222222222")] });
    const shared = share.addResource("db", database.resourceConfigurationArn);
    const network = new ServiceNetwork(s, "ConsumerNetwork", {
      name: "consumer-data",
      provider: consumer,
      resourceConfigurationsOnly: true,
      accessLogs: AccessLogs.disabled("test"),
    });
    const association = network.associateResourceConfiguration("orders-db", database, {
      provider: consumer,
      dependsOn: wait ? share.consumerDependencies(shared) : [shared],
    });
    // The library makes the association wait for the share by itself: only an escape hatch that resets its depends_on races RAM.
    if (!wait) association.resource.dependsOn = [shared.fqn];
    network.associateVpc("clients", { vpc: client, ports: database.ports });
    return { s, client, database };
  }

  test("fails when the consumer's resource association does not wait for the share's principal association (its depends_on reset by an escape hatch): a race at apply", () => {
    const { s, client, database } = consumerNetwork(false);
    expectFlow(s, client, { target: database, port: 5432 }).toBeDenied("is created without waiting for aws_ram_principal_association");
  });

  test("the consumer's VPC reaches the configuration once the association waits for the share", () => {
    const { s, client, database } = consumerNetwork(true);
    expectFlow(s, client, { target: database, port: 5432 }).toBeAllowed();
  });

  test("fails when the association is made by the configuration's owner (escape hatch): the consumer's network is not shared with it, so AWS refuses the association", () => {
    const { s, client, database } = consumerNetwork(true);
    const association = s.node
      .findAll()
      .find((c) => c instanceof VpclatticeServiceNetworkResourceAssociation) as VpclatticeServiceNetworkResourceAssociation;
    association.provider = undefined;
    expectFlow(s, client, { target: database, port: 5432 }).toBeDenied(
      "service network consumer-data belongs to account 222222222222, and no RAM share in this stack shares it with account 111111111111",
    );
  });
});

describe("a service network shared by a RAM share of its own (not its sharing prop), which the association cannot see at synth", () => {
  test("fails when the configuration does not allow shareable networks: AWS refuses the association, so the network's VPCs never reach it", () => {
    const s = stack();
    const owner = vpc(s, "OwnerVpc", "10.0.0.0/16");
    const client = vpc(s, "ClientVpc", "10.40.0.0/16");
    const database = databaseBehindGateway(s, owner);
    const network = new ServiceNetwork(s, "Platform", {
      name: "platform",
      resourceConfigurationsOnly: true,
      accessLogs: AccessLogs.disabled("test"),
    });
    new ResourceShare(s, "NetworkShare", { name: "platform", principals: [SharePrincipal.account("222222222222")] }).addResource(
      "platform",
      network.serviceNetworkArn,
    );
    network.associateResourceConfiguration("orders-db", database);
    network.associateVpc("clients", { vpc: client, ports: database.ports });
    expectFlow(s, client, { target: database, port: 5432 }).toBeDenied("does not allow association with shareable networks");
  });
});

describe("an IP resource outside the gateway's VPC (on premises, over a transit gateway)", () => {
  function onPremisesHost(route: "none" | "transitGateway" | "nat") {
    const s = stack();
    const owner = vpc(s, "OwnerVpc", "10.0.0.0/16");
    const client = vpc(s, "ClientVpc", "10.30.0.0/16");
    const gateway = new ResourceGateway(s, "Gateway", { name: "mainframe-ingress", vpc: owner, reachableCidrs: ["192.168.0.0/16"] });
    const mainframe = new ResourceConfiguration(s, "Mainframe", {
      name: "mainframe",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("192.168.10.20"),
      ports: [Port.tcp(50000)],
    });
    new ResourceEndpoint(s, "Endpoint", { vpc: client, resourceConfiguration: mainframe });
    owner.privateSubnets.forEach((subnet, i) => {
      if (route === "none") return;
      new Route(s, `OnPremises${i}`, {
        routeTableId: subnet.routeTableId!,
        destinationCidrBlock: route === "nat" ? "0.0.0.0/0" : "192.168.0.0/16",
        ...(route === "nat" ? { natGatewayId: "nat-0123456789abcdef0" } : { transitGatewayId: "tgw-0123456789abcdef0" }),
      });
    });
    return { s, client, mainframe };
  }

  test("the gateway reaches it through the route to the transit gateway; that the host admits the gateway is assumed (it has no security group of the stack)", () => {
    const { s, client, mainframe } = onPremisesHost("transitGateway");
    const flow = expectFlow(s, client, { target: mainframe, port: 50000 });
    flow.toBeAllowed();
    expect(flow.verdict.hops.map((h) => h.text)).toContainEqual(
      expect.stringContaining("routes 192.168.10.20 to 192.168.0.0/16 via tgw-0123456789abcdef0"),
    );
    expect(flow.verdict.assumptions).toContainEqual(
      expect.stringContaining("the host at 192.168.10.20, outside VPC OwnerVpc, admits resource gateway mainframe-ingress"),
    );
  });

  test("fails when the gateway's subnets have no route to it", () => {
    const { s, client, mainframe } = onPremisesHost("none");
    expectFlow(s, client, { target: mainframe, port: 50000 }).toBeDenied("has no route to 192.168.10.20, outside VPC OwnerVpc");
  });

  test("fails when the only route to it goes to a NAT gateway: a private address is never reached through the internet", () => {
    const { s, client, mainframe } = onPremisesHost("nat");
    expectFlow(s, client, { target: mainframe, port: 50000 }).toBeDenied("a private address, to 0.0.0.0/0 via natGateway, which never reaches it");
  });
});

describe("the name a resource association generates (ServiceNetworkResourceAssociation.dnsName) as a flow's destination", () => {
  function associated() {
    const s = stack();
    const owner = vpc(s, "OwnerVpc", "10.0.0.0/16");
    const client = vpc(s, "ClientVpc", "10.40.0.0/16");
    const other = vpc(s, "OtherVpc", "10.50.0.0/16");
    const database = databaseBehindGateway(s, owner);
    const network = new ServiceNetwork(s, "Data", { name: "data", resourceConfigurationsOnly: true, accessLogs: AccessLogs.disabled("test") });
    const association = network.associateResourceConfiguration("orders-db", database);
    network.associateVpc("clients", { vpc: client, ports: database.ports });
    return { s, client, other, association };
  }

  test("a client of an associated VPC dialing the generated name reaches the database through the network", () => {
    const { s, client, association } = associated();
    const flow = expectFlow(s, client, { dnsName: association.dnsName, port: 5432 });
    flow.toBeAllowed();
    expect(flow.verdict.hops[1].text).toMatch(
      /^snra-[0-9a-z]+\.rcfg-[0-9a-z]+\.[0-9a-f]{7}\.vpc-lattice-rsc\.us-east-1\.on\.aws is the name VPC Lattice generates for resource association/,
    );
  });

  test("fails when the client's VPC is not connected to the network", () => {
    const { s, other, association } = associated();
    expectFlow(s, other, { dnsName: association.dnsName, port: 5432 }).toBeDenied("is not associated with a service network that holds it");
  });
});

describe("rc5-ec2-port-range: the share names the trusted account only", () => {
  test("fails for a Resource endpoint of an account the share does not name", () => {
    const s = rc5Ec2PortRange.create(testApp());
    const stranger = new AwsProvider(s, "aws-stranger", { alias: "stranger", region: "us-east-1", allowedAccountIds: ["444444444444"] });
    const strangerVpc = vpc(s as TerraformStack, "StrangerVpc", "10.90.0.0/16", stranger);
    const worker = s.node.findChild("WorkerInstance") as ResourceConfiguration;
    const endpoint = new ResourceEndpoint(s, "StrangerEndpoint", { vpc: strangerVpc, resourceConfiguration: worker });
    expectFlow(s, strangerVpc, { target: endpoint, port: 8050 }).toBeDenied("no RAM share in this stack names account 444444444444");
  });
});

describe("the partner's half alone, judged by the terms the owner publishes (recorded on the import)", () => {
  const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0a1b2c3d4e5f67890";
  const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/3c9e2a4b-5d6f-4a7b-8c9d-0e1f2a3b4c5d";
  function partner(ports?: { from: number; to: number }[]) {
    const s = new TerraformStack(testApp(), "partner");
    const provider = new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["222222222222"] });
    const client = new Vpc(s, "PartnerVpc", { name: "partner", cidrBlock: "10.20.0.0/16", availabilityZones: BY_ID });
    const ordersDb = ResourceConfiguration.fromResourceConfigurationAttributes(s, "OrdersDb", {
      resourceConfigurationArn: CONFIG_ARN,
      type: "ARN",
      ports: [Port.tcp(5432)],
      gatewayAvailabilityZoneIds: BY_ID,
    });
    const access = new SharedResourceConsumer(s, "Access", {
      resourceConfiguration: ordersDb,
      acceptShare: { resourceShareArn: SHARE_ARN },
      vpc: client,
      provider,
      ports,
    });
    return { s, client, access };
  }

  test("the partner reaches the database on the published port once the share is accepted", () => {
    const { s, client, access } = partner();
    const verdict = expectFlow(s, client, { target: access.endpoint, port: 5432 });
    verdict.toBeAllowed();
    expect(verdict.verdict.hops.map((h) => h.text)).toEqual(
      expect.arrayContaining([expect.stringContaining("zones its owner publishes"), expect.stringContaining("is accepted here before")]),
    );
  });

  test("fails when the endpoint's subnets are in none of the zones the owner publishes (ResourceEndpoint refuses that at synth; an escape hatch does not)", () => {
    const { s, client, access } = partner();
    const elsewhere = new Vpc(s, "Elsewhere", { name: "elsewhere", cidrBlock: "10.21.0.0/16", availabilityZones: ["use1-az4", "use1-az6"] });
    access.endpoint.resource.subnetIds = elsewhere.privateSubnets.map((subnet) => subnet.subnetId);
    expectFlow(s, client, { target: access.endpoint, port: 5432 }).toBeDenied("share no availability zone");
  });

  test("fails on a port the endpoint opens but the owner does not publish (the pattern refuses it in ports; a rule added to the group afterwards does not)", () => {
    const { s, client, access } = partner();
    access.endpoint.securityGroup!.addIngressRule({ peer: Peer.cidr("10.20.0.0/16"), port: 6432, description: "Pooler" });
    expectFlow(s, client, { target: access.endpoint, port: 6432 }).toBeDenied(
      "port 6432 is not in the port ranges of resource configuration rcfg-0a1b2c3d4e5f67890 (5432)",
    );
  });

  test("fails when the endpoint does not wait for the acceptance: a race at apply", () => {
    const { s, client, access } = partner();
    access.endpoint.resource.dependsOn = [];
    expectFlow(s, client, { target: access.endpoint, port: 5432 }).toBeDenied("without waiting for the acceptance");
  });
});

describe("the owner's half alone: a partner VPC known only by ID", () => {
  function owner() {
    const s = stack();
    const ownerVpc = vpc(s, "OwnerVpc", "10.0.0.0/16");
    const databaseSecurityGroup = SecurityGroup.fromSecurityGroupAttributes(s, "DbGroup", {
      securityGroupId: "sg-0a1b2c3d4e5f60718",
      vpcId: ownerVpc.vpcId,
    });
    const db = new SharedDatabase(s, "Orders", {
      name: "orders-db",
      vpc: ownerVpc,
      database: ResourceDefinition.arn("arn:aws:rds:us-east-1:111111111111:db:orders"),
      port: 5432,
      databaseSecurityGroup,
      sharing: {
        principals: [SharePrincipal.account("222222222222")],
        allowExternalPrincipals: OptOut.because("The partner is outside our organization and accepts the share"),
      },
    });
    return { s, db };
  }
  const partnerVpc = (account: string) => ({ vpc: "vpc-0f1e2d3c4b5a60719", principal: { arn: `arn:aws:iam::${account}:role/reports` } });

  test("the partner's account is given the database by the share; the existing database group admits the gateway", () => {
    const { s, db } = owner();
    const verdict = expectFlow(s, partnerVpc("222222222222"), { target: db.resourceConfiguration, port: 5432 });
    verdict.toBeAllowed();
    expect(verdict.verdict.hops.map((h) => h.text)).toContain("security group sg-0a1b2c3d4e5f60718 admits resource gateway orders-db-gw on 5432");
  });

  test("fails for an account the share does not name", () => {
    const { s, db } = owner();
    expectFlow(s, partnerVpc("333333333333"), { target: db.resourceConfiguration, port: 5432 }).toBeDenied(
      "no RAM share in this stack gives resource configuration orders-db to account 333333333333",
    );
  });

  test("fails when the existing database group does not admit the gateway on the port", () => {
    const { s, db } = owner();
    db.resourceGateway.connections.allowTo(Peer.cidr("10.0.0.0/16"), Port.tcp(6432), "Resource gateway to the database pooler");
    expectFlow(s, partnerVpc("222222222222"), { target: db.resourceConfiguration, port: 6432 }).toBeDenied(
      "the resource drops the gateway's connections",
    );
  });
});

describe("a gateway's given security groups take the configurations' egress", () => {
  test("an existing group imported with fromSecurityGroupAttributes carries the egress to the resource", () => {
    const s = stack();
    const owner = vpc(s, "OwnerVpc", "10.0.0.0/16");
    const client = vpc(s, "ClientVpc", "10.30.0.0/16");
    const existing = SecurityGroup.fromSecurityGroupAttributes(s, "Existing", { securityGroupId: "sg-0123456789abcdef0", vpcId: owner.vpcId });
    const gateway = new ResourceGateway(s, "Gateway", { name: "app-ingress", vpc: owner, securityGroups: [existing] });
    const host = new SecurityGroup(s, "Host", { vpc: owner, description: "Host" });
    const exporter = new ResourceConfiguration(s, "Exporter", {
      name: "node-exporter",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.1.25"),
      ports: [Port.tcp(9100)],
      resourceSecurityGroups: [host],
    });
    new ResourceEndpoint(s, "Endpoint", { vpc: client, resourceConfiguration: exporter });
    const verdict = expectFlow(s, client, { target: exporter, port: 9100 });
    verdict.toBeAllowed();
    expect(verdict.verdict.hops.map((h) => h.text)).toContain("security group sg-0123456789abcdef0 of app-ingress lets 9100 out to 10.0.1.25/32");
  });
});
