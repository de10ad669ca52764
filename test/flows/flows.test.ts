import { TerraformResource, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclAssociation } from "@cdktf/provider-aws/lib/network-acl-association";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { Ec2TransitGatewayVpcAttachmentAccepter } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment-accepter";
import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { PolicyPrincipal, PolicyStatement, ValidationError } from "../../modules/core";
import { AwsService, EndpointPolicy, GatewayEndpoint, InterfaceEndpoint } from "../../modules/endpoints";
import { analyzeFlow, analyzeStackFlow, expectFlow, Flows, networkModelOf, verifyDeclaredFlows } from "../../modules/flows";
import { Peer, PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

const ORG = "o-a1b2c3d4e5";
const APP_ROLE = { arn: "arn:aws:iam::111111111111:role/app", organizationId: ORG };

function stack(): TerraformStack {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  return s;
}

function vpc(scope: TerraformStack, id: string, cidrBlock: string): PrivateVpc {
  return new PrivateVpc(scope, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
}

function logsEndpoint(
  scope: TerraformStack,
  inVpc: PrivateVpc,
  props: { allowedPeers?: Peer[]; privateDnsEnabled?: boolean } = {},
): InterfaceEndpoint {
  return new InterfaceEndpoint(scope, "Logs", { vpc: inVpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG), ...props });
}

describe("flows to an AWS service through an interface endpoint", () => {
  test("a client of the VPC reaches logs by its public name, through private DNS, and the policy admits principals of the organization", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app);
    const flow = expectFlow(
      s,
      { vpc: app, principal: APP_ROLE },
      { dnsName: "logs.us-east-1.amazonaws.com", request: { action: "logs:PutLogEvents" } },
    );
    flow.toBeAllowed();
    expect(flow.verdict.hops.map((h) => h.kind)).toEqual(["source", "dns", "endpoint", "route", "security-group", "endpoint-policy"]);
  });

  test("fails when the caller is outside the organization: the endpoint policy denies it, and the reason names the condition", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app);
    expectFlow(
      s,
      { vpc: app, principal: "arn:aws:iam::999999999999:role/intruder" },
      { dnsName: "logs.us-east-1.amazonaws.com", request: { action: "logs:PutLogEvents" } },
    ).toBeDenied("(aws:PrincipalOrgID; aws:PrincipalIsAWSService)"); // neither the organization's statement nor the AWS services' admits it
  });

  test("fails when private DNS is off and nothing else answers the name: the VPC has no route to the internet", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app, { privateDnsEnabled: false });
    expectFlow(s, app, "logs.us-east-1.amazonaws.com:443").toBeDenied("no route to com.amazonaws.us-east-1.logs");
  });

  test("fails when the endpoint's security group does not admit the client's CIDR", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app, { allowedPeers: [Peer.cidr("10.0.0.0/24")] });
    // Only the first subnet is admitted: a client in the second subnet is dropped.
    const verdict = analyzeStackFlow(s, app, "logs.us-east-1.amazonaws.com");
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toMatch(/has no ingress from 10\.0\.0\.0\/24, 10\.0\.1\.0\/24 on tcp 443/);
    expectFlow(s, { subnet: app.privateSubnets[0].subnetId }, "logs.us-east-1.amazonaws.com").toBeAllowed();
  });

  test("fails when an allowed verdict does not say that a network ACL of the subnets is not evaluated", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app);
    const acl = new NetworkAcl(s, "DenyAll", { vpcId: app.vpcId });
    app.privateSubnets.forEach((subnet, i) => new NetworkAclAssociation(s, `DenyAll${i}`, { networkAclId: acl.id, subnetId: subnet.subnetId }));
    const { verdict } = expectFlow(s, app, "logs.us-east-1.amazonaws.com");
    expect(verdict.assumptions).toContain(
      "network ACL DenyAll of subnets AppVpc/Private-us-east-1a, AppVpc/Private-us-east-1b is not evaluated: its stateless rules (both directions, ephemeral ports) may drop the flow",
    );
  });

  test("fails when an IPv6 flow from a VPC without an IPv6 block is allowed", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app);
    expectFlow(s, { vpc: app, family: "ipv6" }, "logs.us-east-1.amazonaws.com").toBeDenied("VPC AppVpc has no IPv6 CIDR block");
  });

  test("fails when the client's own security group has no egress to the endpoint", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app);
    const clients = new SecurityGroup(s, "Clients", { vpc: app, description: "Application instances" });
    expectFlow(s, { securityGroup: clients }, "logs.us-east-1.amazonaws.com").toBeDenied(
      "security group Clients has no egress to 10.0.0.0/24, 10.0.1.0/24 on tcp 443",
    );
    clients.addEgressRule({ peer: Peer.cidr("10.0.0.0/16"), port: 443, description: "HTTPS to VPC endpoints" });
    expectFlow(s, { securityGroup: clients }, "logs.us-east-1.amazonaws.com").toBeAllowed();
  });
});

describe("flows between VPCs", () => {
  function hubAndSpoke(withRoutes: boolean): { s: TerraformStack; hub: PrivateVpc; spoke: PrivateVpc } {
    const s = stack();
    const hub = vpc(s, "HubVpc", "10.0.0.0/16");
    const spoke = vpc(s, "SpokeVpc", "10.1.0.0/16");
    new InterfaceEndpoint(s, "Logs", {
      vpc: hub,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(),
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
    });
    if (withRoutes) {
      const tgw = new Ec2TransitGateway(s, "Tgw", {});
      for (const [name, v, to] of [
        ["hub", hub, "10.1.0.0/16"],
        ["spoke", spoke, "10.0.0.0/16"],
      ] as const) {
        new Ec2TransitGatewayVpcAttachment(s, `Attach-${name}`, {
          transitGatewayId: tgw.id,
          vpcId: v.vpcId,
          subnetIds: v.privateSubnets.map((x) => x.subnetId),
        });
        v.privateSubnets.forEach(
          (subnet, i) =>
            new Route(s, `Route-${name}-${i}`, { routeTableId: subnet.routeTableId!, destinationCidrBlock: to, transitGatewayId: tgw.id }),
        );
      }
    }
    return { s, hub, spoke };
  }

  test("fails when the spoke has no route to the hub (no transit gateway, no peering)", () => {
    const { s, spoke } = hubAndSpoke(false);
    const model = networkModelOf(s);
    const endpoint = model.endpoints[0].address;
    expectFlow(s, spoke, { target: endpoint }).toBeDenied("has no route to 10.0.0.0/24, 10.0.1.0/24 (VPC HubVpc)");
  });

  test("a spoke reaches the hub's endpoint through a transit gateway with routes both ways", () => {
    const { s, spoke } = hubAndSpoke(true);
    const endpoint = networkModelOf(s).endpoints[0].address;
    const verdict = analyzeStackFlow(s, spoke, { target: endpoint });
    expect(verdict.reason).toBeUndefined();
    expect(
      verdict.hops
        .filter((h) => h.kind === "route")
        .map((h) => h.text)
        .join("\n"),
    ).toMatch(/via transit gateway Tgw/);
  });
});

describe("flows across accounts through a transit gateway", () => {
  const MEMBER = "222222222222";

  /** A hub of the owner and a spoke of the member account, joined as `options` say: raw resources, so each piece can be left out. */
  function crossAccount(options: { share?: boolean; accept?: boolean; backThroughOtherGateway?: boolean } = {}) {
    const s = stack();
    const member = new AwsProvider(s, "member", { region: "us-east-1", alias: "member", allowedAccountIds: [MEMBER] });
    const hub = vpc(s, "HubVpc", "10.0.0.0/16");
    const spoke = new PrivateVpc(s, "SpokeVpc", {
      name: "spoke",
      cidrBlock: "10.1.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
      provider: member,
    });
    new InterfaceEndpoint(s, "Logs", {
      vpc: hub,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(),
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
    });
    const tgw = new Ec2TransitGateway(s, "Tgw", { autoAcceptSharedAttachments: "disable" });
    const waits = [];
    if (options.share !== false) {
      const share = new RamResourceShare(s, "Share", { name: "tgw" });
      waits.push(
        new RamPrincipalAssociation(s, "SharePrincipal", { resourceShareArn: share.arn, principal: MEMBER }),
        new RamResourceAssociation(s, "ShareResource", { resourceShareArn: share.arn, resourceArn: tgw.arn }),
      );
    }
    new Ec2TransitGatewayVpcAttachment(s, "Attach-hub", {
      transitGatewayId: tgw.id,
      vpcId: hub.vpcId,
      subnetIds: hub.privateSubnets.map((x) => x.subnetId),
    });
    const attachment = new Ec2TransitGatewayVpcAttachment(s, "Attach-spoke", {
      provider: member,
      transitGatewayId: tgw.id,
      vpcId: spoke.vpcId,
      subnetIds: spoke.privateSubnets.map((x) => x.subnetId),
      dependsOn: waits,
    });
    if (options.accept !== false) new Ec2TransitGatewayVpcAttachmentAccepter(s, "Accept-spoke", { transitGatewayAttachmentId: attachment.id });
    const back = options.backThroughOtherGateway === true ? new Ec2TransitGateway(s, "Other", {}).id : tgw.id;
    hub.privateSubnets.forEach(
      (subnet, i) =>
        new Route(s, `Route-hub-${i}`, { routeTableId: subnet.routeTableId!, destinationCidrBlock: "10.1.0.0/16", transitGatewayId: back }),
    );
    spoke.privateSubnets.forEach(
      (subnet, i) =>
        new Route(s, `Route-spoke-${i}`, {
          provider: member,
          routeTableId: subnet.routeTableId!,
          destinationCidrBlock: "10.0.0.0/16",
          transitGatewayId: tgw.id,
        }),
    );
    return { s, spoke, endpoint: () => networkModelOf(s).endpoints[0].address };
  }

  test("a spoke of another account reaches the hub's endpoint: the gateway is shared with its account and the owner accepts its attachment", () => {
    const { s, spoke, endpoint } = crossAccount();
    const verdict = analyzeStackFlow(s, spoke, { target: endpoint() });
    expect(verdict.reason).toBeUndefined();
    expect(verdict.hops.filter((h) => h.kind === "share" || h.kind === "acceptance").map((h) => h.text)).toEqual([
      "RAM share tgw gives transit gateway Tgw to account 222222222222, before Attach-spoke is created",
      "the owner of transit gateway Tgw accepts attachment Attach-spoke of account 222222222222",
    ]);
  });

  test("fails when nobody accepts the attachment of the other account and the gateway does not auto-accept", () => {
    const { s, spoke, endpoint } = crossAccount({ accept: false });
    expectFlow(s, spoke, { target: endpoint() }).toBeDenied(
      "attachment Attach-spoke of account 222222222222 is never accepted: transit gateway Tgw does not auto-accept shared attachments",
    );
  });

  test("fails when the gateway is not shared with the other account", () => {
    const { s, spoke, endpoint } = crossAccount({ share: false });
    expectFlow(s, spoke, { target: endpoint() }).toBeDenied("no RAM share in this stack shares it with account 222222222222");
  });

  test("fails when the way back goes to a transit gateway the hub is not attached to", () => {
    const { s, spoke, endpoint } = crossAccount({ backThroughOtherGateway: true });
    expectFlow(s, spoke, { target: endpoint() }).toBeDenied(
      /^on the way back from .*: route 10\.1\.0\.0\/16 goes to transit gateway Other, but VPC HubVpc has no attachment to it$/,
    );
  });
});

describe("flows to AWS services: policies that depend on the request", () => {
  function sts() {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    new InterfaceEndpoint(s, "Sts", { vpc: app, service: AwsService.STS, policy: EndpointPolicy.organizationOnly(ORG) });
    return { s, app };
  }
  const webIdentity = (resource: string, resourceOrganizationId?: string) => ({
    dnsName: "sts.us-east-1.amazonaws.com",
    request: { action: "sts:AssumeRoleWithWebIdentity", resource, resourceOrganizationId },
  });

  test("an organization-only STS endpoint admits web identity federation (unsigned) into a role of the organization", () => {
    const { s, app } = sts();
    expectFlow(s, { vpc: app, principal: { anonymous: true } }, webIdentity("arn:aws:iam::111111111111:role/pod", ORG)).toBeAllowed();
  });

  test("fails when the role belongs to another organization, or its organization is unknown: aws:ResourceOrgID does not match", () => {
    const { s, app } = sts();
    expectFlow(s, { vpc: app, principal: { anonymous: true } }, webIdentity("arn:aws:iam::999999999999:role/pod", "o-zzzzzzzzzz")).toBeDenied(
      "aws:ResourceOrgID",
    );
    expectFlow(s, { vpc: app, principal: { anonymous: true } }, webIdentity("arn:aws:iam::999999999999:role/pod")).toBeDenied("aws:ResourceOrgID");
  });

  test("a resource in the caller's account is taken to be in the caller's organization", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    new InterfaceEndpoint(s, "Kms", {
      vpc: app,
      service: AwsService.KMS,
      policy: EndpointPolicy.fromStatements(
        new PolicyStatement({
          actions: ["kms:Decrypt"],
          principals: [PolicyPrincipal.anyone()],
          conditions: { StringEquals: { "aws:ResourceOrgID": ORG } },
        }),
      ),
    });
    const decrypt = (resource: string) => ({ dnsName: "kms.us-east-1.amazonaws.com", request: { action: "kms:Decrypt", resource } });
    expectFlow(s, { vpc: app, principal: APP_ROLE }, decrypt("arn:aws:kms:us-east-1:111111111111:key/k")).toBeAllowed();
    expectFlow(s, { vpc: app, principal: APP_ROLE }, decrypt("arn:aws:kms:us-east-1:999999999999:key/k")).toBeDenied("aws:ResourceOrgID");
  });

  test("S3's dual-stack names are S3's: they take the gateway endpoint of the route tables", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    new GatewayEndpoint(s, "S3", { vpc: app, service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["a-bucket"]) });
    const verdict = analyzeStackFlow(s, app, "a-bucket.s3.dualstack.us-east-1.amazonaws.com");
    expect(verdict.reason).toBeUndefined();
    expect(verdict.hops.map((h) => h.text)).toContain(
      "route table AppVpc/PrivateRoutes-us-east-1a sends com.amazonaws.us-east-1.s3 to gateway endpoint S3",
    );
  });
});

describe("a client's group and a gateway endpoint's prefix list", () => {
  function bucketClients(egressTo: "s3" | "dynamodb") {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const endpoints = {
      s3: new GatewayEndpoint(s, "S3", { vpc: app, service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["a-bucket"]) }),
      dynamodb: new GatewayEndpoint(s, "DynamoDb", {
        vpc: app,
        service: AwsService.DYNAMODB,
        policy: EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]),
      }),
    };
    const instances = new SecurityGroup(s, "Instances", { vpc: app, description: "Instances" });
    instances.connections.allowDefaultPortTo(endpoints[egressTo], "Instances to the service");
    return { s, app, instances };
  }

  test("egress to the S3 gateway endpoint's prefix list (known only at apply) lets the client out to S3", () => {
    const { s, app, instances } = bucketClients("s3");
    expectFlow(s, { vpc: app, securityGroup: instances }, "a-bucket.s3.us-east-1.amazonaws.com").toBeAllowed();
  });

  test("fails when the group opens only DynamoDB's prefix list: S3's addresses are another list", () => {
    const { s, app, instances } = bucketClients("dynamodb");
    expectFlow(s, { vpc: app, securityGroup: instances }, "a-bucket.s3.us-east-1.amazonaws.com").toBeDenied(
      "has no egress to com.amazonaws.us-east-1.s3's prefix list on tcp 443",
    );
  });
});

describe("the flow API refuses bad questions with a ValidationError", () => {
  function caught(run: () => unknown): ValidationError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return error as ValidationError;
    }
    throw new Error("expected a ValidationError");
  }

  test("fails when the source is not a VPC, subnet or security group", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const endpoint = logsEndpoint(s, app);
    const error = caught(() => analyzeStackFlow(s, endpoint, "logs.us-east-1.amazonaws.com"));
    expect(error.prop).toBe("from");
    expect(error.expected).toMatch(/VPC, subnet or security group/);
  });

  test("fails when a construct belongs to no resource, an address is unknown, or a DNS name is malformed", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    expect(caught(() => analyzeStackFlow(s, { vpc: "aws_vpc.NotThere" }, "x.example.com")).message).toMatch(/from\.vpc.*not in stack flows/);
    expect(caught(() => analyzeStackFlow(s, app, { dnsName: "not a name" })).prop).toBe("to.dnsName");
    expect(caught(() => analyzeStackFlow(s, app, { dnsName: "a.example.com", port: 70000 })).prop).toBe("to.port");
    expect(caught(() => analyzeStackFlow(s, { vpc: app, principal: "someone" }, "a.example.com")).prop).toBe("from.principal");
    expect(caught(() => analyzeStackFlow(s, app, { target: "aws_vpc_endpoint.missing" })).prop).toBe("to.target");
  });

  test("fails when a key of a question or a declaration is misspelled: the flow proven would be another than the one asked", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const group = new SecurityGroup(s, "App", { vpc: app, description: "app" });
    // securityGroups was dropped: the client's egress was taken to be open.
    const source = caught(() => analyzeStackFlow(s, { vpc: app, securityGroups: [group] } as never, "a.example.com"));
    expect(source.prop).toBe("from.securityGroups");
    expect(source.message).toContain("did you mean securityGroup?");
    expect(caught(() => analyzeStackFlow(s, app, { dnsName: "a.example.com", prot: 80 } as never)).message).toContain("did you mean port?");
    const principal = caught(() =>
      analyzeStackFlow(s, { vpc: app, principal: { arn: APP_ROLE.arn, organizationID: ORG } } as never, "a.example.com"),
    );
    expect([principal.prop, principal.message]).toEqual(["from.principal.organizationID", expect.stringContaining("did you mean organizationId?")]);
    const request = caught(() => analyzeStackFlow(s, app, { dnsName: "a.example.com", request: { actions: "s3:GetObject" } } as never));
    expect([request.prop, request.message]).toEqual(["to.request.actions", expect.stringContaining("did you mean action?")]);
    const reason = caught(() => Flows.of(s).deny("typo", { from: app, to: "a.example.com", reson: "security group" } as never));
    expect([reason.prop, reason.message]).toEqual(["flows.typo.reson", expect.stringContaining("did you mean reason?")]);
    // A reason on an allowed flow was never checked: allowed flows have none.
    expect(caught(() => Flows.of(s).allow("with-reason", { from: app, to: "a.example.com", reason: "x" } as never)).prop).toBe(
      "flows.with-reason.reason",
    );
    expect(caught(() => Flows.of(s).allow("typo-from", { from: { vpc: app, subnets: ["subnet-1"] }, to: "a.example.com" } as never)).prop).toBe(
      "flows.typo-from.from.subnets",
    );
  });

  test("fails when a declaration can never be proven: a VPC of another stack, port 70000, a malformed DNS name", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const other = new TerraformStack(s.node.scope as never, "other");
    const otherVpc = vpc(other, "OtherVpc", "10.1.0.0/16");
    const from = caught(() => Flows.of(s).allow("from-other-stack", { from: otherVpc, to: "logs.us-east-1.amazonaws.com" }));
    expect([from.prop, from.received]).toEqual(["flows.from-other-stack.from", '"other/OtherVpc"']);
    expect(caught(() => Flows.of(s).allow("bad-port", { from: app, to: { dnsName: "a.example.com", port: 70000 } })).prop).toBe(
      "flows.bad-port.to.port",
    );
    expect(caught(() => Flows.of(s).allow("bad-port-in-name", { from: app, to: "a.example.com:70000" })).prop).toBe("flows.bad-port-in-name.to.port");
    expect(caught(() => Flows.of(s).deny("bad-dns", { from: app, to: "not a dns name!" })).prop).toBe("flows.bad-dns.to");
    Flows.of(s).allow("ipv6-address", { from: app, to: "fd00::1" });
    // A question to an IPv6 address is not split at its last colon into "fd00:" and port 1.
    expect(analyzeStackFlow(s, app, "fd00::1").hops.map((h) => h.text)).toContain("fd00::1 is an address");
  });

  test("fails when from or to is a number or boolean, or a field has the wrong type, instead of a TypeError", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const endpoint = logsEndpoint(s, app);
    expect(caught(() => analyzeStackFlow(s, 5 as never, endpoint)).prop).toBe("from");
    expect(caught(() => analyzeStackFlow(s, app, true as never)).prop).toBe("to");
    expect(caught(() => analyzeStackFlow(s, { vpc: app, principal: null as never }, endpoint)).prop).toBe("from.principal");
    expect(caught(() => analyzeStackFlow(s, { vpc: app, cidr: 5 as never }, endpoint)).prop).toBe("from.cidr");
    expect(caught(() => analyzeStackFlow(s, { vpc: app, cidr: "10.0.0.0/99" }, endpoint)).prop).toBe("from.cidr");
    const request = { dnsName: "logs.us-east-1.amazonaws.com", request: { action: 5 as never } };
    expect(caught(() => analyzeStackFlow(s, { vpc: app, principal: "111111111111" }, request)).prop).toBe("to.request.action");
    expect(caught(() => expectFlow(s, app, { target: endpoint, port: 22 }).toBeDenied(5 as never)).prop).toBe("toBeDenied.reason");
    expect(caught(() => analyzeFlow(undefined as never, { vpc: "aws_vpc.x" }, { target: "aws_vpc_endpoint.y" })).prop).toBe("model");
  });

  test("fails when a declared flow name repeats", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    Flows.of(s).allow("clients-reach-logs", { from: app, to: "logs.us-east-1.amazonaws.com" });
    expect(caught(() => Flows.of(s).deny("clients-reach-logs", { from: app, to: "logs.us-east-1.amazonaws.com" })).prop).toBe(
      "flows.clients-reach-logs",
    );
    expect(caught(() => Flows.of(s).allow("Not A Name", { from: app, to: "x.example.com" })).prop).toBe("flows.name");
  });
});

describe("declared flows", () => {
  test("are written into the synthesized JSON and proven from it", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const other = vpc(s, "OtherVpc", "10.9.0.0/16");
    logsEndpoint(s, app);
    Flows.of(s)
      .allow("app-ships-logs", {
        from: { vpc: app, principal: APP_ROLE },
        to: { dnsName: "logs.us-east-1.amazonaws.com", request: { action: "logs:PutLogEvents" } },
      })
      .deny("other-vpc-has-no-endpoint", { from: other, to: "logs.us-east-1.amazonaws.com", reason: "no route" });
    const json = JSON.parse(JSON.stringify(s.toTerraform())) as { "//": { flows: { declared: { name: string; from: { vpc: string } }[] } } };
    expect(json["//"].flows.declared.map((f) => f.name)).toEqual(["app-ships-logs", "other-vpc-has-no-endpoint"]);
    expect(json["//"].flows.declared[0].from.vpc).toMatch(/^aws_vpc\.AppVpc/);
    const results = verifyDeclaredFlows(networkModelOf(s));
    expect(results.map((r) => [r.flow.name, r.holds])).toEqual([
      ["app-ships-logs", true],
      ["other-vpc-has-no-endpoint", true],
    ]);
  });

  test("expectFlow's failure message shows the verdict hop by hop", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    expect(() => expectFlow(s, app, "logs.us-east-1.amazonaws.com").toBeAllowed()).toThrow(
      /denied: .*\n {2}ok {3}source: VPC AppVpc\n {2}ok {3}dns: .*\n {2}FAIL route/,
    );
    expect(() => expectFlow(s, app, "logs.us-east-1.amazonaws.com").toBeDenied("acceptance")).toThrow(/to be denied for acceptance/);
  });
});

describe("networkModelOf", () => {
  function overrideEndpointIngressToSsh(s: TerraformStack): void {
    const rule = s.node
      .findAll()
      .find(
        (c) => TerraformResource.isTerraformResource(c) && c.terraformResourceType === "aws_vpc_security_group_ingress_rule",
      ) as TerraformResource;
    rule.addOverride("from_port", 22);
    rule.addOverride("to_port", 22);
  }

  test("fails when an override made after the first analysis is not seen: the verdict is of the stack as it is now", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app);
    expectFlow(s, app, "logs.us-east-1.amazonaws.com").toBeAllowed();
    overrideEndpointIngressToSsh(s);
    expectFlow(s, app, "logs.us-east-1.amazonaws.com").toBeDenied("has no ingress");
  });

  test("fails when an override made after the first analysis is not seen by a stack that declares flows", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    logsEndpoint(s, app);
    Flows.of(s).allow("app-ships-logs", { from: app, to: "logs.us-east-1.amazonaws.com" });
    expect(verifyDeclaredFlows(networkModelOf(s)).map((r) => r.holds)).toEqual([true]);
    overrideEndpointIngressToSsh(s);
    expect(verifyDeclaredFlows(networkModelOf(s)).map((r) => r.holds)).toEqual([false]);
  });
});

describe("flows to and from the internet", () => {
  function defaultRoutes(s: TerraformStack, target: { gatewayId?: string; natGatewayId?: string }): void {
    s.node
      .findAll()
      .filter((c) => TerraformResource.isTerraformResource(c) && c.terraformResourceType === "aws_route_table")
      .forEach(
        (table, i) =>
          new Route(s, `Default${i}`, { routeTableId: (table as unknown as { id: string }).id, destinationCidrBlock: "0.0.0.0/0", ...target }),
      );
  }

  test("fails when an internet-facing load balancer in subnets routed to an internet gateway is said to be in a VPC without one", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const igw = new InternetGateway(s, "Igw", { vpcId: app.vpcId });
    defaultRoutes(s, { gatewayId: igw.id });
    const lb = new Lb(s, "PublicLb", { internal: false, loadBalancerType: "network", subnets: app.privateSubnets.map((x) => x.subnetId) });
    expectFlow(s, { internet: true }, lb).toBeAllowed();
    expectFlow(s, { internet: true }, { dnsName: lb.dnsName }).toBeAllowed();
  });

  test("fails when an internet-facing load balancer without a route to an internet gateway is allowed", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const lb = new Lb(s, "PublicLb", { internal: false, loadBalancerType: "network", subnets: app.privateSubnets.map((x) => x.subnetId) });
    expectFlow(s, { internet: true }, lb).toBeDenied("has no default route to an internet gateway");
  });

  test("fails when a VPC whose route tables send every address to a NAT gateway is said to have no route to the internet", () => {
    const s = stack();
    const app = vpc(s, "AppVpc", "10.0.0.0/16");
    const nat = new NatGateway(s, "Nat", { subnetId: app.privateSubnets[0].subnetId, connectivityType: "public", allocationId: "eipalloc-12345678" });
    defaultRoutes(s, { natGatewayId: nat.id });
    const flow = expectFlow(s, app, "example.com");
    flow.toBeAllowed();
    expect(flow.verdict.hops.filter((h) => h.kind === "internet").map((h) => h.text)).toEqual([
      "route table AppVpc/PrivateRoutes-us-east-1a sends example.com to a NAT gateway",
      "route table AppVpc/PrivateRoutes-us-east-1b sends example.com to a NAT gateway",
    ]);
    expect(flow.verdict.assumptions).toContain("the NAT gateway is public and its subnet routes to an internet gateway (not checked)");
    expectFlow(s, vpc(s, "OtherVpc", "10.9.0.0/16"), "example.com").toBeDenied("has no route to the internet");
  });
});
