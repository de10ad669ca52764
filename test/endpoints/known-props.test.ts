import { TerraformStack } from "cdktf";
import {
  AwsService,
  CentralizedEndpoints,
  Ec2InstanceConnectEndpoint,
  EndpointOnlyBucketPolicy,
  EndpointPolicy,
  GatewayEndpoint,
  GatewayLoadBalancerEndpoint,
  InterfaceEndpoint,
  PrivateAwsServiceAccess,
  ResourceEndpoint,
  S3HybridAccess,
  ServiceNetworkEndpoint,
} from "../../modules/endpoints";
import { Peer } from "../../modules/vpc";
import { expectValidationError, resourcesOfType, stackWithProvider } from "../helpers";
import { ORG, testVpc } from "./helpers";

const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";
const INSPECTION = {
  serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
  serviceType: "GatewayLoadBalancer",
  availabilityZoneIds: ["use1-az1", "use1-az2"],
} as const;

/**
 * A misspelled optional prop (JavaScript, `as any`, props built in a
 * variable) was ignored and its default applied: private DNS on, the VPC's
 * CIDR admitted, every subnet. Each case: the construct built with one
 * misspelled prop, the prop the error names, and the name it suggests.
 */
const CASES: readonly [string, (stack: TerraformStack) => unknown, string, string][] = [
  [
    "InterfaceEndpoint",
    (s) => new InterfaceEndpoint(s, "Logs", { vpc: testVpc(s), service: AwsService.LOGS, privateDnsEnable: false } as never),
    "privateDnsEnable",
    "privateDnsEnabled",
  ],
  [
    "InterfaceEndpoint.fromInterfaceEndpointAttributes",
    (s) => InterfaceEndpoint.fromInterfaceEndpointAttributes(s, "Existing", { vpcEndpointId: "vpce-0123456789abcdef0", securityGroup: [] } as never),
    "securityGroup",
    "securityGroups",
  ],
  [
    "GatewayEndpoint",
    (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: testVpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.organizationOnly(ORG),
        routeTableId: ["rtb-0123456789abcdef0"],
      } as never),
    "routeTableId",
    "routeTableIds",
  ],
  [
    "GatewayEndpoint.fromGatewayEndpointAttributes",
    (s) =>
      GatewayEndpoint.fromGatewayEndpointAttributes(s, "Existing", {
        vpcEndpointId: "vpce-0123456789abcdef0",
        service: AwsService.S3,
        vpcID: "vpc-0123456789abcdef0",
      } as never),
    "vpcID",
    "vpcId",
  ],
  [
    "GatewayLoadBalancerEndpoint",
    (s) =>
      new GatewayLoadBalancerEndpoint(s, "Inspection", {
        vpc: testVpc(s),
        service: INSPECTION,
        subnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" }],
        ipAdressType: "dualstack",
      } as never),
    "ipAdressType",
    "ipAddressType",
  ],
  [
    "ResourceEndpoint",
    (s) =>
      new ResourceEndpoint(s, "Db", {
        vpc: testVpc(s),
        resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [{ from: 5432, to: 5432 }] },
        allowedPeer: [],
      } as never),
    "allowedPeer",
    "allowedPeers",
  ],
  [
    "ServiceNetworkEndpoint",
    (s) =>
      new ServiceNetworkEndpoint(s, "Mesh", {
        vpc: testVpc(s),
        serviceNetwork: { serviceNetworkArn: NETWORK_ARN },
        privateDNSEnabled: true,
      } as never),
    "privateDNSEnabled",
    "privateDnsEnabled",
  ],
  [
    "Ec2InstanceConnectEndpoint",
    (s) => new Ec2InstanceConnectEndpoint(s, "Operators", { vpc: testVpc(s), preserveClientIP: true } as never),
    "preserveClientIP",
    "preserveClientIp",
  ],
  [
    "EndpointOnlyBucketPolicy",
    (s) =>
      new EndpointOnlyBucketPolicy(s, "Policy", {
        bucketName: "a-bucket",
        endpoints: [],
        deploymentRoleArns: ["arn:aws:iam::111111111111:role/deploy"],
        exemptRoleArn: ["arn:aws:iam::111111111111:role/admin"],
      } as never),
    "exemptRoleArn",
    "exemptRoleArns",
  ],
  [
    "PrivateAwsServiceAccess",
    (s) =>
      new PrivateAwsServiceAccess(s, "Access", {
        vpc: testVpc(s),
        services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }],
        onlySupportedAvailabilityZone: true,
      } as never),
    "onlySupportedAvailabilityZone",
    "onlySupportedAvailabilityZones",
  ],
  [
    "CentralizedEndpoints",
    (s) =>
      new CentralizedEndpoints(s, "Central", {
        vpc: testVpc(s),
        spokes: [],
        services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }],
        allowedPeer: [Peer.cidr("10.0.0.0/8")],
      } as never),
    "allowedPeer",
    "allowedPeers",
  ],
  [
    "S3HybridAccess",
    (s) =>
      new S3HybridAccess(s, "S3", {
        vpc: testVpc(s),
        policy: EndpointPolicy.organizationOnly(ORG),
        onPremisesPeer: [Peer.cidr("192.168.0.0/16")],
      } as never),
    "onPremisesPeer",
    "onPremisesPeers",
  ],
];

describe("endpoints refuse props they do not take", () => {
  test.each(CASES)("%s fails when a prop is misspelled, naming it and the prop meant", (_api, build, prop, meant) => {
    const error = expectValidationError(() => build(stackWithProvider()), prop, /./);
    expect(error.message).toContain(`did you mean ${meant}?`);
  });

  test("GatewayLoadBalancerEndpoint.routeThrough fails when an option is misspelled: the routes would leave through the zone's own endpoint", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack, ["use1-az1", "use1-az2"]);
    const endpoint = new GatewayLoadBalancerEndpoint(stack, "Inspection", { vpc, service: INSPECTION, subnets: vpc.privateSubnets });
    const error = expectValidationError(
      () => endpoint.routeThrough("to-data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24"], viazone: "use1-az1" } as never),
      "viazone",
      "use1-az1",
    );
    expect(error.message).toContain("did you mean viaZone?");
  });

  test("patterns pass their building blocks only the blocks' props: a hub with spokes and an S3 hybrid access with route tables build", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, undefined, "Hub");
    const spoke = testVpc(stack, undefined, "Spoke", "10.1.0.0/16");
    new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      spokes: [{ name: "orders", vpc: spoke }],
      onlySupportedAvailabilityZones: false,
      services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }],
    });
    new S3HybridAccess(stack, "S3", {
      vpc: hub,
      policy: EndpointPolicy.organizationOnly(ORG),
      routeTableIds: ["rtb-0123456789abcdef0"],
      onPremisesPeers: [Peer.cidr("192.168.0.0/16")],
    });
    expect(Object.keys(resourcesOfType(stack, "aws_vpc_endpoint"))).toHaveLength(3);
  });
});
