import { Port } from "../../modules/core";
import {
  AwsService,
  Ec2InstanceConnectEndpoint,
  EndpointPolicy,
  exportEndpointOutputs,
  InterfaceEndpoint,
  PrivateAwsServiceAccess,
  ResourceEndpoint,
  ServiceAccessPresets,
  ServiceNetworkEndpoint,
} from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { Connections, Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { expectValidationError, Json, onlyResource, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { ORG, testVpc, tieredVpc } from "./helpers";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const LOG_GROUP = "arn:aws:logs:us-east-1:111111111111:log-group:/app";
const CONFIGURATION = {
  resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
  ports: [Port.tcp(5432)],
};
const NETWORK = { serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0" };

const ingress = (json: Json): Json[] => Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];

describe("connections on every endpoint with network interfaces", () => {
  test("an interface endpoint admits a client group through connections: the client's egress and the endpoint's ingress, and the flow holds only for that group", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const workers = new SecurityGroup(stack, "Workers", { vpc, description: "Workers" });
    const others = new SecurityGroup(stack, "Others", { vpc, description: "Other hosts" });
    others.addEgressRule({ peer: Peer.cidr("10.0.0.0/16"), port: 443, description: "HTTPS inside the VPC" });
    const logs = new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG), open: false });
    logs.connections.allowDefaultPortFrom(new Connections(workers, { securityGroups: [workers] }), "Workers ship logs");
    expect(ingress(synthJson(stack)).map((r) => [r.from_port, r.referenced_security_group_id])).toEqual([
      [443, expect.stringMatching(/aws_security_group\.Workers_\w+\.id/)],
    ]);
    expectFlow(stack, { securityGroup: workers }, { target: logs, port: 443 }).toBeAllowed();
    expectFlow(stack, { securityGroup: others }, { target: logs, port: 443 }).toBeDenied("has no ingress");
  });

  test("open: false admits nobody until connections say who; the VPC's CIDR is then denied", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const logs = new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG), open: false });
    expect(ingress(synthJson(stack))).toEqual([]);
    expectFlow(stack, vpc, { target: logs, port: 443 }).toBeDenied("has no ingress");
    logs.connections.allowDefaultPortFrom(Peer.cidr("10.0.1.0/24"), "The app subnet only");
    expectFlow(stack, { vpc, subnet: vpc.privateSubnets[1].subnetId }, { target: logs, port: 443 }).toBeAllowed();
  });

  test("allowedPeers (deprecated) still make the same rules, now through connections, with the same addresses", () => {
    const stack = stackWithProvider();
    new InterfaceEndpoint(stack, "Logs", {
      vpc: testVpc(stack),
      service: AwsService.LOGS,
      policy: EndpointPolicy.organizationOnly(ORG),
      allowedPeers: [Peer.cidr("10.50.0.0/16")],
    });
    expect(Object.keys(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule"))).toEqual([
      expect.stringMatching(/^Logs_SecurityGroup_Ingress-tcp-443-10-50-0-0-16_/),
    ]);
  });

  test("Resource and ServiceNetwork endpoints have connections too, on their ports", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const database = new ResourceEndpoint(stack, "Database", { vpc, resourceConfiguration: CONFIGURATION, open: false });
    database.connections.allowDefaultPortFrom(Peer.cidr("10.0.0.0/24"), "The app subnet");
    const mesh = new ServiceNetworkEndpoint(stack, "Mesh", { vpc, serviceNetwork: NETWORK });
    mesh.connections.allowFrom(Peer.cidr("192.168.0.0/16"), Port.tcp(443), "On-premises callers");
    expect(
      ingress(synthJson(stack))
        .map((r) => [r.from_port, r.cidr_ipv4])
        .sort(),
    ).toEqual([
      [443, "10.0.0.0/16"],
      [443, "192.168.0.0/16"],
      [5432, "10.0.0.0/24"],
    ]);
  });

  test("an imported endpoint takes rules on its imported group", () => {
    const stack = stackWithProvider();
    const group = SecurityGroup.fromSecurityGroupAttributes(stack, "Group", { securityGroupId: "sg-0123456789abcdef0" });
    const imported = InterfaceEndpoint.fromInterfaceEndpointAttributes(stack, "Imported", {
      vpcEndpointId: "vpce-0123456789abcdef0",
      securityGroups: [group],
      port: Port.tcp(443),
    });
    imported.connections.allowDefaultPortFrom(Peer.cidr("10.9.0.0/16"), "Another VPC");
    expect(onlyResource(synthJson(stack), "aws_vpc_security_group_ingress_rule")).toMatchObject({
      security_group_id: "sg-0123456789abcdef0",
      cidr_ipv4: "10.9.0.0/16",
      from_port: 443,
    });
  });

  test("fails when an imported endpoint's ID is not a VPC endpoint ID", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () => InterfaceEndpoint.fromInterfaceEndpointAttributes(stack, "Imported", { vpcEndpointId: "vpce-svc-0123456789abcdef0" }),
      "vpcEndpointId",
      "vpce-svc",
    );
    expect(error.expected).toContain("endpoint service ID");
    expectValidationError(
      () => ResourceEndpoint.fromResourceEndpointAttributes(stack, "Other", { vpcEndpointId: "sg-0123456789abcdef0" }),
      "vpcEndpointId",
      "sg-",
    );
  });

  test("the shared group of PrivateAwsServiceAccess has connections, admitting a client to every endpoint behind it", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const access = new PrivateAwsServiceAccess(stack, "Access", {
      vpc,
      open: false,
      services: [...ServiceAccessPresets.kms([KEY]), ...ServiceAccessPresets.cloudWatchLogs([LOG_GROUP])],
    });
    access.connections.allowDefaultPortFrom(Peer.cidr("10.0.0.0/24"), "The app subnet");
    expectFlow(stack, { vpc, subnet: vpc.privateSubnets[0].subnetId }, { target: access.interfaceEndpoints.kms, port: 443 }).toBeAllowed();
    expectFlow(stack, { vpc, subnet: vpc.privateSubnets[1].subnetId }, { target: access.interfaceEndpoints.logs, port: 443 }).toBeDenied(
      "has no ingress",
    );
  });
});

describe("PrivateAwsServiceAccess: clients of its gateway endpoints", () => {
  const REPOSITORY = "arn:aws:ecr:us-east-1:111111111111:repository/orders";
  const TASK = { arn: "arn:aws:iam::111111111111:role/orders-task", organizationId: ORG };
  const LAYERS = {
    dnsName: "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com",
    request: { action: "s3:GetObject", resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/layer.tar.gz" },
  };
  const MANIFEST = {
    dnsName: "111111111111.dkr.ecr.us-east-1.amazonaws.com",
    request: { action: "ecr:BatchGetImage", resource: REPOSITORY },
  };
  const ecrAccess = () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const nodes = new SecurityGroup(stack, "Nodes", { vpc, description: "EKS nodes" });
    const access = new PrivateAwsServiceAccess(stack, "Ecr", {
      vpc,
      open: false,
      services: ServiceAccessPresets.ecrPull([REPOSITORY], [LOG_GROUP], { organizationId: ORG }),
    });
    return { stack, vpc, nodes, access };
  };
  const egressToPrefixLists = (json: Json) =>
    (Object.values(resourcesOfType(json, "aws_vpc_security_group_egress_rule")) as Json[]).filter((r) => r.prefix_list_id !== undefined);

  test.each(["the access's allowFrom(client)", "the client's allowTo(access)"])(
    "a client group let in on 443 (%s) also gets its egress to the S3 gateway endpoint, where ECR's image layers come from: the whole pull is proven",
    (side) => {
      const { stack, vpc, nodes, access } = ecrAccess();
      if (side === "the access's allowFrom(client)") access.connections.allowFrom(nodes, Port.tcp(443), "EKS nodes pull images");
      else nodes.connections.allowTo(access, Port.tcp(443), "EKS nodes pull images");
      expect(egressToPrefixLists(synthJson(stack))).toEqual([
        expect.objectContaining({
          from_port: 443,
          to_port: 443,
          ip_protocol: "tcp",
          description: "EKS nodes pull images",
          prefix_list_id: expect.stringMatching(/^\$\{aws_vpc_endpoint\.Ecr_s3_\w+\.prefix_list_id\}$/),
          security_group_id: expect.stringMatching(/aws_security_group\.Nodes_/),
        }),
      ]);
      expectFlow(stack, { vpc, securityGroup: nodes, principal: TASK }, MANIFEST).toBeAllowed();
      expectFlow(stack, { vpc, securityGroup: nodes, principal: TASK }, LAYERS).toBeAllowed();
    },
  );

  test("fails (the flow) when the client group's egress names the interface endpoints' group only: the pull gets its manifest, and its layers are dropped", () => {
    const { stack, vpc, nodes, access } = ecrAccess();
    // Raw rules name what they name: the interface endpoints' group, not the gateway endpoint.
    access.connections.allowFrom(Peer.securityGroup(nodes, "nodes"), Port.tcp(443), "EKS nodes");
    nodes.addEgressRule({
      peer: Peer.securityGroup(access.securityGroup!, "endpoints"),
      ports: Port.tcp(443),
      description: "The interface endpoints",
    });
    expectFlow(stack, { vpc, securityGroup: nodes, principal: TASK }, MANIFEST).toBeAllowed();
    expectFlow(stack, { vpc, securityGroup: nodes, principal: TASK }, LAYERS).toBeDenied(
      "has no egress to com.amazonaws.us-east-1.s3's prefix list on tcp 443",
    );
  });

  test("allowTo(access) after the client opened the gateway endpoint itself keeps its one rule; allowTo on a port the access does not serve fails", () => {
    const { stack, nodes, access } = ecrAccess();
    nodes.connections.allowDefaultPortTo(access.gatewayEndpoints.s3, "EKS nodes to S3");
    nodes.connections.allowTo(access, Port.tcp(443), "EKS nodes pull images");
    expect(egressToPrefixLists(synthJson(stack)).map((r) => r.description)).toEqual(["EKS nodes to S3"]);
    expectValidationError(() => nodes.connections.allowTo(access, Port.tcp(8443), "Wrong port"), "connections.allowTo.port", '"tcp 8443"');
  });

  test("a client that already opened the gateway endpoint keeps its one rule; a CIDR peer adds no egress", () => {
    const { stack, nodes, access } = ecrAccess();
    nodes.connections.allowDefaultPortTo(access.gatewayEndpoints.s3, "EKS nodes to S3");
    access.connections.allowFrom(nodes, Port.tcp(443), "EKS nodes pull images");
    access.connections.allowFrom(Peer.cidr("10.0.0.0/24"), Port.tcp(443), "The app subnet");
    expect(egressToPrefixLists(synthJson(stack))).toHaveLength(1);
    expect(egressToPrefixLists(synthJson(stack))[0].description).toBe("EKS nodes to S3");
  });

  test.each(["the access's allowFrom(client)", "the client's allowTo(access)"])(
    "with gateway endpoints only, a client group let in on 443 (%s) gets its egress to each of them, the only rule it needs; a CIDR peer, or another port, fails",
    (side) => {
      const stack = stackWithProvider();
      const vpc = testVpc(stack);
      const app = new SecurityGroup(stack, "App", { vpc, description: "App" });
      const access = new PrivateAwsServiceAccess(stack, "Data", {
        vpc,
        services: [
          ...ServiceAccessPresets.privateS3(["orders-data"]),
          ...ServiceAccessPresets.dynamoDb(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]),
        ],
      });
      if (side === "the access's allowFrom(client)") access.connections.allowFrom(app, Port.tcp(443), "The app reads its data");
      else app.connections.allowTo(access, Port.tcp(443), "The app reads its data");
      expect(egressToPrefixLists(synthJson(stack)).map((r) => r.prefix_list_id)).toEqual([
        expect.stringMatching(/^\$\{aws_vpc_endpoint\.Data_dynamodb_\w+\.prefix_list_id\}$/),
        expect.stringMatching(/^\$\{aws_vpc_endpoint\.Data_s3_\w+\.prefix_list_id\}$/),
      ]);
      expectFlow(stack, { vpc, securityGroup: app }, { dnsName: "orders-data.s3.us-east-1.amazonaws.com", port: 443 }).toBeAllowed();
      if (side === "the access's allowFrom(client)")
        expectValidationError(
          () => access.connections.allowFrom(Peer.cidr("10.0.0.0/24"), Port.tcp(443), "The app subnet"),
          "connections.allowFrom",
          "[]",
        );
      else expectValidationError(() => app.connections.allowTo(access, Port.tcp(80), "Plain HTTP"), "connections.allowTo", `"${access.node.path}"`);
    },
  );
});

describe("EC2 Instance Connect Endpoint", () => {
  const setUp = (props: Partial<ConstructorParameters<typeof Ec2InstanceConnectEndpoint>[2]> = {}) => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const instances = new SecurityGroup(stack, "Instances", { vpc, description: "App instances" });
    const endpoint = new Ec2InstanceConnectEndpoint(stack, "Operators", { vpc, ...props });
    return { stack, vpc, instances, endpoint };
  };

  test("one endpoint in one subnet, client IP not preserved, a group that reaches the instances only where connections say", () => {
    const { stack, vpc, instances, endpoint } = setUp({ tags: { team: "platform" } });
    endpoint.connections.allowTo(new Connections(instances, { securityGroups: [instances] }), Port.tcp(22), "SSH");
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_ec2_instance_connect_endpoint")).toMatchObject({
      preserve_client_ip: false,
      tags: { Name: "Operators", team: "platform" },
    });
    expectFlow(stack, { securityGroup: endpoint.securityGroup }, { target: instances, port: 22 }).toBeAllowed();
    expectFlow(stack, { securityGroup: endpoint.securityGroup }, { target: instances, port: 3389 }).toBeDenied("egress");
    expectFlow(stack, vpc, { target: instances, port: 22 }).toBeDenied("has no ingress");
  });

  test("fails when its subnet or group belongs to another VPC, or its groups are an empty list", () => {
    const { stack } = setUp();
    const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const mine = testVpc(stack, ["us-east-1a", "us-east-1b"], "Mine");
    expectValidationError(
      () => new Ec2InstanceConnectEndpoint(stack, "Wrong", { vpc: mine, subnet: { ...other.privateSubnets[0], vpcId: other.vpcId } as never }),
      "subnet[0]",
      "reference",
    );
    expectValidationError(
      () =>
        new Ec2InstanceConnectEndpoint(stack, "Group", {
          vpc: mine,
          securityGroups: [new SecurityGroup(stack, "OtherGroup", { vpc: other, description: "x" })],
        }),
      "securityGroups[0]",
      "OtherGroup (in another VPC)",
    );
    expectValidationError(() => new Ec2InstanceConnectEndpoint(stack, "None", { vpc: mine, securityGroups: [] }), "securityGroups", "[]");
  });

  test("fails when preserveClientIp is not a boolean, or a timeout is not a duration", () => {
    const { stack, vpc } = setUp();
    expectValidationError(() => new Ec2InstanceConnectEndpoint(stack, "Flag", { vpc, preserveClientIp: "yes" as never }), "preserveClientIp", "yes");
    expectValidationError(
      () => new Ec2InstanceConnectEndpoint(stack, "Slow", { vpc, timeouts: { create: "ten minutes" } }),
      "timeouts.create",
      "ten minutes",
    );
  });

  test("fails when a second endpoint goes in one VPC (AWS allows one, so its apply fails)", () => {
    const { stack, vpc } = setUp();
    expectValidationError(() => new Ec2InstanceConnectEndpoint(stack, "Second", { vpc }), "vpc", "test/Vpc");
  });

  test("fails when the subnet defaults to the VPC's private tier and an imported VPC has app and data tiers only, naming its tiers", () => {
    const stack = stackWithProvider();
    const vpc = tieredVpc(stack);
    const error = expectValidationError(() => new Ec2InstanceConnectEndpoint(stack, "Operators", { vpc }), "subnet", "[]");
    expect(error.expected).toBe('subnet: this VPC has no private tier (its tiers: app, data): pass subnet: vpc.selectSubnets({ tier: "app" })[0]');
    const endpoint = new Ec2InstanceConnectEndpoint(stack, "Operators2", { vpc, subnet: vpc.selectSubnets({ tier: "app" })[0] });
    expect(endpoint.resource.subnetIdInput).toBe("subnet-0bbbbbbbbbbbbbbb1");
  });

  test("fails when the subnet has no subnet ID (a JavaScript caller's empty object)", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new Ec2InstanceConnectEndpoint(stack, "Operators", { vpc: testVpc(stack), subnet: {} as never }),
      "subnet.subnetId",
      "undefined",
    );
  });
});

describe("per-endpoint overrides, tags, timeouts and outputs", () => {
  test("PrivateAwsServiceAccess: one service in its own subnets and groups with fixed addresses and its own tags, the rest on the shared group", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack, ["us-east-1a", "us-east-1b", "us-east-1c"]);
    const own = new SecurityGroup(stack, "KmsClients", { vpc, description: "KMS only" });
    const subnets = vpc.privateSubnets.slice(0, 2);
    new PrivateAwsServiceAccess(stack, "Access", {
      vpc,
      tags: { team: "platform" },
      timeouts: { create: "20m" },
      services: [
        ...ServiceAccessPresets.cloudWatchLogs([LOG_GROUP]),
        {
          ...ServiceAccessPresets.kms([KEY])[0],
          subnets,
          securityGroups: [own],
          privateDnsEnabled: false,
          subnetAddresses: [{ subnet: subnets[0], ipv4: "10.0.0.10" }],
          tags: { data: "keys" },
        },
      ],
    });
    const endpoints = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_endpoint")) as Json[];
    const kms = endpoints.find((e) => String(e.service_name).endsWith(".kms")) as Json;
    const logs = endpoints.find((e) => String(e.service_name).endsWith(".logs")) as Json;
    expect(kms.subnet_ids).toHaveLength(2);
    expect(logs.subnet_ids).toHaveLength(3);
    expect(kms.security_group_ids).toEqual([expect.stringMatching(/KmsClients/)]);
    expect(logs.security_group_ids).toEqual([expect.stringMatching(/Access_SecurityGroup/)]);
    expect(kms).toMatchObject({
      private_dns_enabled: false,
      subnet_configuration: [{ ipv4: "10.0.0.10" }],
      tags: { team: "platform", data: "keys" },
      timeouts: { create: "20m" },
    });
    expect(logs.tags).toMatchObject({ team: "platform" });
  });

  test("exportEndpointOutputs writes the outputs users otherwise write by hand, for endpoints and patterns", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const access = new PrivateAwsServiceAccess(stack, "Access", {
      vpc,
      services: [...ServiceAccessPresets.kms([KEY]), ...ServiceAccessPresets.privateS3(["a-bucket"])],
    });
    exportEndpointOutputs(stack, "endpoints", access);
    exportEndpointOutputs(stack, "kms_endpoint", access.interfaceEndpoints.kms);
    exportEndpointOutputs(stack, "database_endpoint", new ResourceEndpoint(stack, "Database", { vpc, resourceConfiguration: CONFIGURATION }));
    expect(Object.keys(synthJson(stack).output).sort()).toEqual([
      "database_endpoint_id",
      "database_endpoint_network_interface_ids",
      "database_endpoint_resource_configuration_arn",
      "database_endpoint_security_group_id",
      "endpoints_kms_dns_name",
      "endpoints_kms_id",
      "endpoints_kms_network_interface_ids",
      "endpoints_kms_service_name",
      "endpoints_s3_gateway_id",
      "endpoints_s3_gateway_prefix_list_id",
      "endpoints_s3_gateway_service_name",
      "endpoints_security_group_id",
      "kms_endpoint_dns_name",
      "kms_endpoint_id",
      "kms_endpoint_network_interface_ids",
      "kms_endpoint_service_name",
    ]);
  });

  test("fails when an output prefix is used twice or is not a Terraform name", () => {
    const stack = stackWithProvider();
    const kms = new InterfaceEndpoint(stack, "Kms", { vpc: testVpc(stack), service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]) });
    exportEndpointOutputs(stack, "kms", kms);
    expectValidationError(() => exportEndpointOutputs(stack, "kms", kms), "prefix", "kms");
    expectValidationError(() => exportEndpointOutputs(stack, "1kms", kms), "prefix", "1kms");
  });
});
