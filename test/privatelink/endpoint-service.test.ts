import { TerraformOutput, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { Peer, PrivateHostedZone, Vpc, vpcClientPeers } from "../../modules/vpc";
import { OptOut } from "../../modules/core";
import {
  ANY_PRINCIPAL_OPT_IN,
  ANY_PRINCIPAL_OPT_OUT,
  ApplianceTargets,
  EndpointConnectionAccepter,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  NetworkLoadBalancer,
} from "../../modules/privatelink";
import { expectFlow } from "../../modules/flows";
import { expectValidationError, onlyResource, resourcesOfType, stackWithoutProvider, stackWithProvider, synthJson } from "../helpers";
import { nlbOptions, providerVpc, serviceStack } from "./helpers";

const GWLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef";
const NLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
const ZONE = { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" };
/** A service whose own account's endpoints connect without review: nothing of this configuration has to accept them. */
const OPEN = { acceptanceRequired: false, allowedPrincipals: [EndpointServicePrincipal.account("111111111111")] };

describe("EndpointService", () => {
  test("requires acceptance and allows nobody by default, in front of the NLB it creates", () => {
    const { stack, service } = serviceStack();
    const resource = onlyResource(stack, "aws_vpc_endpoint_service");
    expect(resource.acceptance_required).toBe(true);
    expect(resource.allowed_principals).toBeUndefined();
    expect(resource.network_load_balancer_arns).toEqual([expect.stringMatching(/^\$\{aws_lb\.Service_LoadBalancer_\w+\.arn\}$/)]);
    expect(resource.gateway_load_balancer_arns).toBeUndefined();
    expect(Object.keys(resourcesOfType(stack, "aws_vpc_endpoint_service"))).toEqual([expect.stringMatching(/^Service_[0-9A-F]{8}$/)]);
    expect(onlyResource(stack, "aws_lb").internal).toBe(true);
    expect(service).toMatchObject({ ports: [443], isAwsService: false, privateDnsSupported: false, acceptanceRequired: true });
    new TerraformOutput(stack, "service_name", { value: service.serviceName });
    expect(synthJson(stack).output.service_name.value).toMatch(/^\$\{aws_vpc_endpoint_service\.Service_\w+\.service_name\}$/);
  });

  test("renders typed principals as the ARNs AWS expects, in the home region's partition", () => {
    const { stack } = serviceStack({
      region: "cn-north-1",
      allowedPrincipals: [
        EndpointServicePrincipal.account("222222222222"),
        EndpointServicePrincipal.iamRole("arn:aws-cn:iam::333333333333:role/analytics-reader"),
        EndpointServicePrincipal.iamUser("arn:aws-cn:iam::333333333333:user/batch"),
        EndpointServicePrincipal.fromArn("arn:aws-cn:iam::444444444444:root"),
      ],
    });
    expect(onlyResource(stack, "aws_vpc_endpoint_service").allowed_principals).toEqual([
      "arn:aws-cn:iam::222222222222:root",
      "arn:aws-cn:iam::333333333333:role/analytics-reader",
      "arn:aws-cn:iam::333333333333:user/batch",
      "arn:aws-cn:iam::444444444444:root",
    ]);
  });

  test("opens to every principal only through the loud opt-in, and warns", () => {
    const { stack, service } = serviceStack({ [ANY_PRINCIPAL_OPT_IN]: true, acceptanceRequired: false });
    expect(onlyResource(stack, "aws_vpc_endpoint_service")).toMatchObject({ allowed_principals: ["*"], acceptance_required: false });
    const warnings = service.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("every request is accepted")]);
  });

  test("fronts existing NLBs, with their ports, or Gateway Load Balancers", () => {
    const stack = stackWithoutProvider();
    const nlb = NetworkLoadBalancer.fromAttributes(stack, "Nlb", { loadBalancerArn: NLB_ARN, listenerPorts: [443, 8443] });
    const network = new EndpointService(stack, "Network", { networkLoadBalancers: [nlb] });
    const gateway = new EndpointService(stack, "Gateway", { gatewayLoadBalancerArns: [GWLB_ARN] });
    const services = resourcesOfType(stack, "aws_vpc_endpoint_service");
    expect(Object.values(services)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ network_load_balancer_arns: [NLB_ARN] }),
        expect.objectContaining({ gateway_load_balancer_arns: [GWLB_ARN] }),
      ]),
    );
    expect(network.ports).toEqual([443, 8443]);
    expect(gateway.ports).toEqual([]);
  });

  test("a private DNS name gets its ownership TXT record, from the service's verification data, and the verification after it", () => {
    const { stack, service } = serviceStack({ privateDnsName: "api.example.com", privateDnsVerificationZone: ZONE });
    const json = synthJson(stack);
    const serviceAddress = Object.keys(json.resource.aws_vpc_endpoint_service)[0];
    const configuration = `aws_vpc_endpoint_service.${serviceAddress}.private_dns_name_configuration[0]`;
    expect(onlyResource(stack, "aws_vpc_endpoint_service").private_dns_name).toBe("api.example.com");
    const record = onlyResource(stack, "aws_route53_record");
    expect(record).toEqual({
      zone_id: ZONE.zoneId,
      name: `\${${configuration}.name}`,
      type: `\${${configuration}.type}`,
      records: [`\${${configuration}.value}`],
      ttl: 1800,
    });
    const recordAddress = Object.keys(json.resource.aws_route53_record)[0];
    expect(onlyResource(stack, "aws_vpc_endpoint_service_private_dns_verification")).toEqual({
      service_id: `\${aws_vpc_endpoint_service.${serviceAddress}.id}`,
      wait_for_verification: false,
      depends_on: [`aws_route53_record.${recordAddress}`],
    });
    expect(service).toMatchObject({ privateDnsName: "api.example.com", privateDnsSupported: true });
  });

  test("the ownership record goes to the zone's own account when the zone names a provider", () => {
    const stack = stackWithoutProvider();
    const dns = new AwsProvider(stack, "dns", { alias: "dns", region: "us-east-1" });
    new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(providerVpc(stack), { enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false }),
      privateDnsName: "*.saas.example.com",
      privateDnsVerificationZone: { ...ZONE, provider: dns },
      waitForPrivateDnsVerification: true,
    });
    expect(onlyResource(stack, "aws_route53_record").provider).toBe("aws.dns");
    expect(onlyResource(stack, "aws_vpc_endpoint_service_private_dns_verification").wait_for_verification).toBe(true);
  });

  test("supports other regions, IPv6 on dual-stack load balancers, and connection notifications", () => {
    const stack = stackWithoutProvider();
    const vpc = providerVpc(stack, "Vpc", true);
    new EndpointService(stack, "Service", {
      networkLoadBalancer: { ...nlbOptions(vpc), ipAddressType: "dualstack", clients: vpcClientPeers(vpc, { ipv6: true }) },
      region: "us-east-1",
      supportedRegions: ["eu-west-1", "us-west-2"],
      supportedIpAddressTypes: ["ipv4", "ipv6"],
      connectionNotifications: [
        { name: "ops", snsTopicArn: "arn:aws:sns:us-east-1:111111111111:privatelink-ops" },
        { name: "audit", snsTopicArn: "arn:aws:sns:us-east-1:111111111111:audit", events: ["Accept", "Reject"] },
      ],
    });
    expect(onlyResource(stack, "aws_vpc_endpoint_service")).toMatchObject({
      supported_regions: ["eu-west-1", "us-west-2"],
      supported_ip_address_types: ["ipv4", "ipv6"],
    });
    const notifications = resourcesOfType(stack, "aws_vpc_endpoint_connection_notification");
    expect(Object.keys(notifications).sort()).toEqual([
      expect.stringMatching(/^Service_Notification-audit_/),
      expect.stringMatching(/^Service_Notification-ops_/),
    ]);
    expect(Object.values(notifications)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          connection_notification_arn: "arn:aws:sns:us-east-1:111111111111:privatelink-ops",
          connection_events: ["Accept", "Connect", "Delete", "Reject"],
        }),
        expect.objectContaining({
          connection_events: ["Accept", "Reject"],
          vpc_endpoint_service_id: expect.stringMatching(/aws_vpc_endpoint_service\.Service_\w+\.id/),
        }),
      ]),
    );
  });

  test("is offered in the AZ IDs of its load balancer's subnets, when they are placed by AZ ID", () => {
    const stack = stackWithoutProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "ids", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az6"] });
    expect(new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(vpc) }).availabilityZoneIds).toEqual(["use1-az1", "use1-az6"]);
    expect(serviceStack().service.availabilityZoneIds).toBeUndefined();
  });

  describe("fromServiceName", () => {
    test("describes a service of another account for consumers", () => {
      const stack = stackWithoutProvider();
      const service = EndpointService.fromServiceName(stack, "Remote", "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", {
        ports: [443],
        privateDnsName: "api.example.com",
        serviceRegion: "eu-west-1",
      });
      expect(service).toMatchObject({
        endpointServiceId: "vpce-svc-0123456789abcdef0",
        ports: [443],
        isAwsService: false,
        privateDnsSupported: true,
        serviceRegion: "eu-west-1",
      });
    });

    test("fails when serviceRegion contradicts the home region the name carries", () => {
      const stack = stackWithoutProvider();
      expectValidationError(
        () =>
          EndpointService.fromEndpointServiceAttributes(stack, "Remote", {
            serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
            ports: [443],
            serviceRegion: "eu-west-1",
          }),
        "serviceRegion",
        "eu-west-1",
      );
    });

    test("fails when a consumer in another region reaches it without serviceRegion (AWS finds no such service there)", () => {
      const stack = stackWithProvider();
      const service = EndpointService.fromEndpointServiceAttributes(stack, "Remote", {
        serviceName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
        ports: [443],
      });
      expectValidationError(() => new InterfaceEndpoint(stack, "Consumer", { vpc: providerVpc(stack), service }), "serviceRegion", "undefined");
      expect(
        () => new InterfaceEndpoint(stack, "Remote-consumer", { vpc: providerVpc(stack, "Other"), service, serviceRegion: "eu-west-1" }),
      ).not.toThrow();
    });

    test("carries the provider's terms (principals as ARNs, acceptance, zones, TLS ports) to the consumer's endpoint", () => {
      const stack = stackWithoutProvider();
      const service = EndpointService.fromServiceName(stack, "Remote", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", {
        ports: [443, 8443],
        allowedPrincipals: [
          EndpointServicePrincipal.iamRole("arn:aws:iam::333333333333:role/partner-integration"),
          EndpointServicePrincipal.account("444444444444"),
        ],
        acceptanceRequired: true,
        availabilityZoneIds: ["use1-az1", "use1-az2"],
        tlsPorts: [443],
      });
      expect(service.availabilityZoneIds).toEqual(["use1-az1", "use1-az2"]);
      expect(service.contract).toEqual({
        allowedPrincipalArns: ["arn:aws:iam::333333333333:role/partner-integration", "arn:aws:iam::444444444444:root"],
        acceptanceRequired: true,
        tlsPorts: [443],
      });
    });

    test("fails when a published zone is an AZ name, which means another zone in the consumer's account", () => {
      const build = () =>
        EndpointService.fromServiceName(stackWithoutProvider(), "Remote", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", {
          ports: [443],
          availabilityZoneIds: ["us-east-1a"],
        });
      expectValidationError(build, "availabilityZoneIds[0]", '"us-east-1a"');
    });

    test("fails when a TLS port is not one of the service's ports", () => {
      const build = () =>
        EndpointService.fromServiceName(stackWithoutProvider(), "Remote", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", {
          ports: [443],
          tlsPorts: [8443],
        });
      expectValidationError(build, "tlsPorts[0]", "8443");
    });

    test("fails when an allowed principal is malformed", () => {
      const build = () =>
        EndpointService.fromServiceName(stackWithoutProvider(), "Remote", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", {
          ports: [443],
          allowedPrincipals: [EndpointServicePrincipal.iamRole("partner-integration")],
        });
      expectValidationError(build, "allowedPrincipals[0]", '"partner-integration"');
    });

    test("fails when the name is not an endpoint service name", () => {
      expectValidationError(
        () => EndpointService.fromServiceName(stackWithoutProvider(), "Remote", "com.amazonaws.us-east-1.s3", { ports: [443] }),
        "serviceName",
        '"com.amazonaws.us-east-1.s3"',
      );
    });

    test("fails when a port is outside 1-65535", () => {
      expectValidationError(
        () =>
          EndpointService.fromServiceName(stackWithoutProvider(), "Remote", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", {
            ports: [0],
          }),
        "ports[0]",
        "0",
      );
    });
  });

  test("takes its load balancer as a factory value: created, existing, or Gateway Load Balancers", () => {
    const stack = stackWithoutProvider();
    const vpc = providerVpc(stack);
    const created = new EndpointService(stack, "Created", {
      loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(nlbOptions(vpc, { clients: vpcClientPeers(vpc) })),
    });
    const nlb = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Nlb", { loadBalancerArn: NLB_ARN, listenerPorts: [443] });
    const existing = new EndpointService(stack, "Existing", { loadBalancer: EndpointServiceLoadBalancer.existing([nlb]) });
    const gwlb = GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(stack, "Gwlb", {
      loadBalancerArn: GWLB_ARN,
      availabilityZoneIds: ["use1-az1", "use1-az2"],
    });
    const gateway = new EndpointService(stack, "Gateway", { loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(gwlb) });
    expect(created.networkLoadBalancer.node.path).toBe("test/Created/LoadBalancer");
    expect(existing.ports).toEqual([443]);
    expect(gateway).toMatchObject({ serviceType: "GatewayLoadBalancer", ports: [], availabilityZoneIds: ["use1-az1", "use1-az2"] });
    expect(created.serviceType).toBe("Interface");
    expect(gwlb.loadBalancerName).toBe("inspection");
    const services = Object.values(resourcesOfType(stack, "aws_vpc_endpoint_service"));
    expect(services.map((x) => x.gateway_load_balancer_arns)).toEqual([undefined, undefined, [GWLB_ARN]]);
  });

  test("allowAnyPrincipal is an opt-out whose reason is recorded on the service; the loud boolean still works, deprecated", () => {
    const { stack } = serviceStack({ allowAnyPrincipal: OptOut.because("a public SaaS: any AWS customer may request, we accept by contract") });
    const service = Object.values(JSON.parse(JSON.stringify(stack.toTerraform())).resource.aws_vpc_endpoint_service)[0] as Record<
      string,
      Record<string, unknown>
    >;
    expect(service.allowed_principals).toEqual(["*"]);
    expect(service["//"].opt_outs).toEqual({ allowAnyPrincipal: "a public SaaS: any AWS customer may request, we accept by contract" });
    const loud = serviceStack({ [ANY_PRINCIPAL_OPT_IN]: true });
    const recorded = Object.values(JSON.parse(JSON.stringify(loud.stack.toTerraform())).resource.aws_vpc_endpoint_service)[0] as Record<
      string,
      Record<string, Record<string, string>>
    >;
    expect(recorded["//"].opt_outs.allowAnyPrincipal).toContain("deprecated");
  });

  test("takes a list input of endpoint IDs to accept later, one accepter per ID", () => {
    const { stack, service } = serviceStack();
    service.acceptEndpoints("partners", ["vpce-0123456789abcdef0", "vpce-0123456789abcdef1"]);
    expect(onlyResource(stack, "aws_vpc_endpoint_connection_accepter")).toMatchObject({
      for_each: '${toset(["vpce-0123456789abcdef0", "vpce-0123456789abcdef1"])}',
      vpc_endpoint_id: "${each.value}",
    });
  });

  test("fromEndpointServiceAttributes reads the ID and region from the name, and takes Gateway Load Balancer services without ports", () => {
    const stack = stackWithoutProvider();
    const remote = EndpointService.fromEndpointServiceAttributes(stack, "Remote", {
      serviceName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
      ports: [443],
      allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
    });
    expect(remote).toMatchObject({
      endpointServiceId: "vpce-svc-0123456789abcdef0",
      serviceType: "Interface",
      contract: { allowedPrincipalArns: ["arn:aws:iam::222222222222:root"] },
    });
    const inspection = EndpointService.fromEndpointServiceAttributes(stack, "Inspection", {
      serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef1",
      serviceType: "GatewayLoadBalancer",
    });
    expect(inspection).toMatchObject({ serviceType: "GatewayLoadBalancer", ports: [] });
  });

  describe("fails when", () => {
    test("a load balancer is fronted by a second endpoint service (AWS associates it with one only)", () => {
      const stack = stackWithProvider();
      const nlb = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Nlb", {
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef",
        listenerPorts: [443],
      });
      const props = {
        loadBalancer: EndpointServiceLoadBalancer.existing([nlb]),
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
      };
      new EndpointService(stack, "First", props);
      const error = expectValidationError(
        () => new EndpointService(stack, "Second", props),
        "loadBalancer.networkLoadBalancers[0]",
        "loadbalancer/net/api",
      );
      expect(error.message).toContain("test/First does");
      // A Gateway Load Balancer made here: its ARN is a token, the same one for both services.
      const vpc = providerVpc(stack);
      const gwlb = new GatewayLoadBalancer(stack, "Gwlb", {
        vpc,
        appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.0.0.10" } }),
        healthCheck: { port: 80 },
      });
      const inspection = {
        loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(gwlb),
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
      };
      new EndpointService(stack, "Inspection", inspection);
      expectValidationError(
        () => new EndpointService(stack, "Inspection2", inspection),
        "loadBalancer.gatewayLoadBalancers[0]",
        "<reference known at apply>",
      );
    });

    test("no load balancer is given", () => {
      expectValidationError(
        () => serviceStack({}, false),
        "loadBalancer, networkLoadBalancer, networkLoadBalancers, gatewayLoadBalancerArns",
        '"none of them"',
      );
    });

    test("both Network and Gateway Load Balancers are given", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        const nlb = NetworkLoadBalancer.fromAttributes(stack, "Nlb", { loadBalancerArn: NLB_ARN, listenerPorts: [443] });
        new EndpointService(stack, "Service", { networkLoadBalancers: [nlb], gatewayLoadBalancerArns: [GWLB_ARN] });
      };
      expectValidationError(
        build,
        "loadBalancer, networkLoadBalancer, networkLoadBalancers, gatewayLoadBalancerArns",
        '"networkLoadBalancers and gatewayLoadBalancerArns"',
      );
    });

    test("a Gateway Load Balancer ARN is a Network Load Balancer's", () => {
      expectValidationError(() => serviceStack({ gatewayLoadBalancerArns: [NLB_ARN] }, false), "gatewayLoadBalancerArns[0]", NLB_ARN);
    });

    test("an account principal is not a 12-digit account ID", () => {
      expectValidationError(() => serviceStack({ allowedPrincipals: [EndpointServicePrincipal.account("2222")] }), "allowedPrincipals[0]", '"2222"');
    });

    test("a principal is neither an account nor an IAM ARN", () => {
      const arn = "arn:aws:s3:::some-bucket";
      expectValidationError(() => serviceStack({ allowedPrincipals: [EndpointServicePrincipal.fromArn(arn)] }), "allowedPrincipals[0]", arn);
    });

    test("a principal is an organization or OU (AWS grants endpoint services to accounts, roles and users only), saying to list the accounts; an account passes", () => {
      for (const arn of [
        "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5",
        "arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56",
      ]) {
        const error = expectValidationError(
          () => serviceStack({ allowedPrincipals: [EndpointServicePrincipal.fromArn(arn)] }),
          "allowedPrincipals[0]",
          arn,
        );
        expect(error.expected).toContain("never to an organization or OU; list the organization's accounts (EndpointServicePrincipal.account)");
      }
      const { stack } = serviceStack({ allowedPrincipals: [EndpointServicePrincipal.account("222222222222")] });
      expect(onlyResource(stack, "aws_vpc_endpoint_service").allowed_principals).toEqual(["arn:aws:iam::222222222222:root"]);
    });

    test("a role principal is a user ARN", () => {
      const arn = "arn:aws:iam::222222222222:user/alice";
      expectValidationError(() => serviceStack({ allowedPrincipals: [EndpointServicePrincipal.iamRole(arn)] }), "allowedPrincipals[0]", arn);
    });

    test("a principal ARN has a path, which AWS rejects", () => {
      const arn = "arn:aws:iam::222222222222:role/teams/api-consumer";
      const error = expectValidationError(
        () => serviceStack({ allowedPrincipals: [EndpointServicePrincipal.iamRole(arn)] }),
        "allowedPrincipals[0]",
        arn,
      );
      expect(error.expected).toContain("without a path");
    });

    test("* is given as a principal instead of through the opt-out", () => {
      const error = expectValidationError(
        () => serviceStack({ allowedPrincipals: [EndpointServicePrincipal.fromArn("*")] }),
        "allowedPrincipals[0]",
        '"*"',
      );
      expect(error.expected).toContain(`${ANY_PRINCIPAL_OPT_OUT}: OptOut.because`);
    });

    test("a principal is listed twice", () => {
      const principal = EndpointServicePrincipal.account("222222222222");
      const error = expectValidationError(
        () => serviceStack({ allowedPrincipals: [principal, principal] }),
        "allowedPrincipals[1]",
        '"222222222222"',
      );
      expect(error.expected).toContain("allowedPrincipals[0]");
    });

    test("an account is allowed twice, once by ID and once by its root ARN", () => {
      const principals = [EndpointServicePrincipal.account("222222222222"), EndpointServicePrincipal.fromArn("arn:aws:iam::222222222222:root")];
      const error = expectValidationError(
        () => serviceStack({ allowedPrincipals: principals }),
        "allowedPrincipals[1]",
        '"arn:aws:iam::222222222222:root"',
      );
      expect(error.expected).toContain("account 222222222222");
    });

    test("a role is allowed twice, through iamRole and fromArn", () => {
      const arn = "arn:aws:iam::222222222222:role/consumer";
      expectValidationError(
        () => serviceStack({ allowedPrincipals: [EndpointServicePrincipal.iamRole(arn), EndpointServicePrincipal.fromArn(arn)] }),
        "allowedPrincipals[1]",
        arn,
      );
    });

    test("a principal ARN is of another partition than the service", () => {
      const arn = "arn:aws-cn:iam::222222222222:role/consumer";
      expectValidationError(
        () => serviceStack({ region: "us-east-1", allowedPrincipals: [EndpointServicePrincipal.iamRole(arn)] }),
        "allowedPrincipals[0]",
        arn,
      );
    });

    test("a principal is not made by EndpointServicePrincipal (a JavaScript caller)", () => {
      expectValidationError(() => serviceStack({ allowedPrincipals: ["222222222222" as never] }), "allowedPrincipals[0]", '"222222222222"');
    });

    test("allowAnyPrincipal is a boolean rather than an opt-out", () => {
      expectValidationError(() => serviceStack({ allowAnyPrincipal: true as never }), ANY_PRINCIPAL_OPT_OUT, "true");
    });

    test("allowAnyPrincipal's reason says nothing", () => {
      expectValidationError(() => serviceStack({ allowAnyPrincipal: OptOut.because("ok") }), ANY_PRINCIPAL_OPT_OUT, '"ok"');
    });

    test("a notification topic is in another region than the service", () => {
      const arn = "arn:aws:sns:eu-west-1:111111111111:ops";
      const build = () => {
        const stack = stackWithProvider();
        new EndpointService(stack, "Service", {
          loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(nlbOptions(providerVpc(stack))),
          connectionNotifications: [{ name: "ops", snsTopicArn: arn }],
        });
      };
      expectValidationError(build, "connectionNotifications[0].snsTopicArn", arn);
    });

    test("two notifications share a name", () => {
      const topic = (name: string) => `arn:aws:sns:us-east-1:111111111111:${name}`;
      const error = expectValidationError(
        () =>
          serviceStack({
            connectionNotifications: [
              { name: "ops", snsTopicArn: topic("a") },
              { name: "ops", snsTopicArn: topic("b") },
            ],
          }),
        "connectionNotifications[1].name",
        '"ops"',
      );
      expect(error.expected).toContain("connectionNotifications[0].name");
    });

    test("an existing load balancer is in another region than the service", () => {
      const build = () => {
        const stack = stackWithProvider();
        const arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/api/0123456789abcdef";
        const nlb = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Nlb", { loadBalancerArn: arn, listenerPorts: [443] });
        new EndpointService(stack, "Service", { loadBalancer: EndpointServiceLoadBalancer.existing([nlb]) });
      };
      expectValidationError(build, "loadBalancer.networkLoadBalancers[0].loadBalancerArn", "eu-west-1");
    });

    test("an existing load balancer is another account's than the service's provider (load balancers are never shared across accounts); its own account's passes, and so does any account with a provider not pinned to one", () => {
      const build = (providerAccount: string | undefined, owner: string) => {
        const stack = stackWithoutProvider();
        new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: providerAccount === undefined ? undefined : [providerAccount] });
        const arn = `arn:aws:elasticloadbalancing:us-east-1:${owner}:loadbalancer/net/api/0123456789abcdef`;
        const nlb = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Nlb", { loadBalancerArn: arn, listenerPorts: [443] });
        new EndpointService(stack, "Service", { loadBalancer: EndpointServiceLoadBalancer.existing([nlb]), ...OPEN });
        return stack;
      };
      const error = expectValidationError(
        () => build("111111111111", "999999999999"),
        "loadBalancer.networkLoadBalancers[0].loadBalancerArn",
        "999999999999",
      );
      expect(error.expected).toContain("a load balancer of account 111111111111, where the endpoint service is created (not 999999999999)");
      expect(onlyResource(build("111111111111", "111111111111"), "aws_vpc_endpoint_service").network_load_balancer_arns).toEqual([NLB_ARN]);
      expect(Object.keys(resourcesOfType(build(undefined, "999999999999"), "aws_vpc_endpoint_service"))).toHaveLength(1);
    });

    test("the load balancer is not a factory value (a JavaScript caller)", () => {
      expectValidationError(() => serviceStack({ loadBalancer: { loadBalancerArn: NLB_ARN } as never }, false), "loadBalancer", NLB_ARN);
    });

    test("existing load balancers are none", () => {
      expectValidationError(
        () => serviceStack({ loadBalancer: EndpointServiceLoadBalancer.existing([]) }, false),
        "loadBalancer.networkLoadBalancers",
        "[]",
      );
    });

    test("a Gateway Load Balancer's service is given a private DNS name", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        const gwlb = GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(stack, "Gwlb", { loadBalancerArn: GWLB_ARN });
        new EndpointService(stack, "Service", {
          loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(gwlb),
          privateDnsName: "inspect.example.com",
        });
      };
      expectValidationError(build, "privateDnsName", '"inspect.example.com"');
    });

    test("the created load balancer is asked of a service in front of existing ones", () => {
      const stack = stackWithoutProvider();
      const nlb = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Nlb", { loadBalancerArn: NLB_ARN, listenerPorts: [443] });
      const service = new EndpointService(stack, "Service", { loadBalancer: EndpointServiceLoadBalancer.existing([nlb]) });
      expectValidationError(() => service.networkLoadBalancer, "loadBalancer", '"Interface"');
    });

    test("endpoints are accepted on a service that accepts by itself", () => {
      const { service } = serviceStack({ acceptanceRequired: false, allowedPrincipals: [EndpointServicePrincipal.account("222222222222")] });
      expectValidationError(() => service.acceptEndpoints("partner", ["vpce-0123456789abcdef0"]), 'acceptEndpoints("partner")', "false");
    });

    test("an endpoint ID to accept is a service ID", () => {
      const { service } = serviceStack();
      expectValidationError(
        () => service.acceptEndpoints("partner", ["vpce-svc-0123456789abcdef0"]),
        'acceptEndpoints("partner")[0]',
        '"vpce-svc-0123456789abcdef0"',
      );
    });

    test("an endpoint ID is accepted twice", () => {
      const { service } = serviceStack();
      expectValidationError(
        () => service.acceptEndpoints("partner", ["vpce-0123456789abcdef0", "vpce-0123456789abcdef0"]),
        'acceptEndpoints("partner")[1]',
        '"vpce-0123456789abcdef0"',
      );
    });

    test("two acceptEndpoints calls share a name", () => {
      const { service } = serviceStack();
      service.acceptEndpoints("partner", ["vpce-0123456789abcdef0"]);
      expectValidationError(() => service.acceptEndpoints("partner", ["vpce-0123456789abcdef1"]), "acceptEndpoints.name", '"partner"');
    });

    test("an imported service name is its ID", () => {
      const error = expectValidationError(
        () =>
          EndpointService.fromEndpointServiceAttributes(stackWithoutProvider(), "Remote", {
            serviceName: "vpce-svc-0123456789abcdef0",
            ports: [443],
          }),
        "serviceName",
        '"vpce-svc-0123456789abcdef0"',
      );
      expect(error.expected).toContain("this is the service's ID");
    });

    test("an imported Gateway Load Balancer service lists ports", () => {
      expectValidationError(
        () =>
          EndpointService.fromEndpointServiceAttributes(stackWithoutProvider(), "Remote", {
            serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
            serviceType: "GatewayLoadBalancer",
            ports: [443],
          }),
        "ports",
        "[443]",
      );
    });

    test("an imported service type is unknown", () => {
      expectValidationError(
        () =>
          EndpointService.fromEndpointServiceAttributes(stackWithoutProvider(), "Remote", {
            serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
            serviceType: "Gateway" as never,
            ports: [443],
          }),
        "serviceType",
        '"Gateway"',
      );
    });

    test("acceptance is off and no principal is allowed", () => {
      expectValidationError(() => serviceStack({ acceptanceRequired: false }), "allowedPrincipals", "[]");
    });

    test.each(["api..example.com", "-api.example.com", "localhost", "api.example.com/v1"])("the private DNS name is not a DNS name (%p)", (name) => {
      expectValidationError(() => serviceStack({ privateDnsName: name }), "privateDnsName", JSON.stringify(name));
    });

    test("the private DNS name is outside the verification zone", () => {
      const error = expectValidationError(
        () => serviceStack({ privateDnsName: "api.example.org", privateDnsVerificationZone: ZONE }),
        "privateDnsName",
        '"api.example.org"',
      );
      expect(error.expected).toContain("example.com");
    });

    test("waiting for the verification is asked without a verification zone (nothing would wait)", () => {
      expectValidationError(
        () => serviceStack({ privateDnsName: "api.example.com", waitForPrivateDnsVerification: true }),
        "waitForPrivateDnsVerification",
        "true",
      );
    });

    test("a verification zone is given without a private DNS name", () => {
      expectValidationError(() => serviceStack({ privateDnsVerificationZone: ZONE }), "privateDnsName", "undefined");
    });

    test("a supported region is the home region", () => {
      expectValidationError(
        () => serviceStack({ region: "us-east-1", supportedRegions: ["eu-west-1", "us-east-1"] }),
        "supportedRegions[1]",
        '"us-east-1"',
      );
    });

    test("supported regions are given without the home region", () => {
      expectValidationError(() => serviceStack({ supportedRegions: ["eu-west-1"] }), "region", "undefined");
    });

    test("supported regions are given for a Gateway Load Balancer's service (cross-region PrivateLink serves interface endpoints only)", () => {
      const gatewayLoadBalancerArns = ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef"];
      expectValidationError(
        () =>
          serviceStack(
            {
              region: "us-east-1",
              gatewayLoadBalancerArns,
              allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
              supportedRegions: ["us-west-2"],
            },
            false,
          ),
        "supportedRegions",
        '["us-west-2"]',
      );
    });

    test("a supported region is not a region", () => {
      expectValidationError(() => serviceStack({ region: "us-east-1", supportedRegions: ["europe"] }), "supportedRegions[0]", '"europe"');
    });

    test("IPv6 is offered on an IPv4-only load balancer", () => {
      expectValidationError(() => serviceStack({ supportedIpAddressTypes: ["ipv4", "ipv6"] }), "supportedIpAddressTypes", '["ipv4","ipv6"]');
    });

    test("an IP address type is unknown", () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expectValidationError(() => serviceStack({ supportedIpAddressTypes: ["dualstack" as any] }), "supportedIpAddressTypes[0]", '"dualstack"');
    });

    test("a notification topic is not an SNS topic ARN", () => {
      const arn = "arn:aws:sqs:us-east-1:111111111111:queue";
      expectValidationError(
        () => serviceStack({ connectionNotifications: [{ name: "ops", snsTopicArn: arn }] }),
        "connectionNotifications[0].snsTopicArn",
        arn,
      );
    });

    test("a notification event is unknown", () => {
      const topic = "arn:aws:sns:us-east-1:111111111111:ops";
      expectValidationError(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        () => serviceStack({ connectionNotifications: [{ name: "ops", snsTopicArn: topic, events: ["Create" as any] }] }),
        "connectionNotifications[0].events[0]",
        '"Create"',
      );
    });
  });

  test("fails when the private DNS name is to be verified in a private hosted zone (AWS reads the TXT record from public DNS)", () => {
    const stack = stackWithProvider();
    const vpc = providerVpc(stack);
    const zone = new PrivateHostedZone(stack, "Zone", { zoneName: "example.com", vpc });
    expectValidationError(
      () =>
        new EndpointService(stack, "Service", {
          networkLoadBalancer: nlbOptions(vpc),
          privateDnsName: "api.example.com",
          privateDnsVerificationZone: zone,
        }),
      "privateDnsVerificationZone",
      "test/Zone",
    );
  });

  test("fails when a supported region is of another partition than the home region", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(providerVpc(stack)), supportedRegions: ["cn-north-1"] }),
      "supportedRegions[0]",
      "cn-north-1",
    );
  });

  test("keeps the deprecated serviceId and serviceArn as the endpointServiceId and endpointServiceArn", () => {
    const { service } = serviceStack();
    expect(service.serviceId).toBe(service.endpointServiceId);
    expect(service.serviceArn).toBe(service.endpointServiceArn);
  });
});

describe("consumers of an EndpointService (the endpoint family's InterfaceEndpoint)", () => {
  test("open the service's ports only, take private DNS when the name is verified, and warn about policies AWS ignores", () => {
    const { stack, vpc, service } = serviceStack({ privateDnsName: "api.example.com", privateDnsVerificationZone: ZONE, ...OPEN });
    const endpoint = new InterfaceEndpoint(stack, "Consumer", { vpc, service, policy: EndpointPolicy.allowAll() });
    const resource = onlyResource(stack, "aws_vpc_endpoint");
    expect(resource).toMatchObject({ vpc_endpoint_type: "Interface", private_dns_enabled: true });
    expect(resource.policy).toBeUndefined();
    const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).filter((r) =>
      String(r.security_group_id).includes("Consumer_"),
    );
    expect(rules.map((r) => r.from_port)).toEqual([443]);
    const warnings = endpoint.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("policy is ignored")]);
  });

  test("with private DNS on at create, wait for the verification of the name, which then waits until AWS has verified it (AWS refuses private DNS for a name not verified)", () => {
    const { stack, vpc, service } = serviceStack({ privateDnsName: "api.example.com", privateDnsVerificationZone: ZONE, ...OPEN });
    new InterfaceEndpoint(stack, "Consumer", { vpc, service });
    const json = synthJson(stack);
    const verification = Object.keys(resourcesOfType(json, "aws_vpc_endpoint_service_private_dns_verification"))[0];
    expect(onlyResource(json, "aws_vpc_endpoint").depends_on).toEqual([`aws_vpc_endpoint_service_private_dns_verification.${verification}`]);
    expect(onlyResource(json, "aws_vpc_endpoint_service_private_dns_verification").wait_for_verification).toBe(true);
    // Private DNS off: nothing to wait for, and the verification keeps its setting.
    const off = serviceStack({ privateDnsName: "api.example.com", privateDnsVerificationZone: ZONE, ...OPEN });
    new InterfaceEndpoint(off.stack, "Consumer", { vpc: off.vpc, service: off.service, privateDnsEnabled: false });
    expect(onlyResource(off.stack, "aws_vpc_endpoint").depends_on).toBeUndefined();
    expect(onlyResource(off.stack, "aws_vpc_endpoint_service_private_dns_verification").wait_for_verification).toBe(false);
    // waitForPrivateDnsVerification given: the endpoint waits for the verification, which keeps the caller's choice.
    const given = serviceStack({
      privateDnsName: "api.example.com",
      privateDnsVerificationZone: ZONE,
      waitForPrivateDnsVerification: false,
      ...OPEN,
    });
    new InterfaceEndpoint(given.stack, "Consumer", { vpc: given.vpc, service: given.service });
    expect(onlyResource(given.stack, "aws_vpc_endpoint").depends_on).toHaveLength(1);
    expect(onlyResource(given.stack, "aws_vpc_endpoint_service_private_dns_verification").wait_for_verification).toBe(false);
  });

  test("fails when created with private DNS on to a service that requires acceptance: AWS refuses private DNS on an endpoint pending acceptance", () => {
    const { stack, vpc, service } = serviceStack({ privateDnsName: "api.example.com", privateDnsVerificationZone: ZONE });
    const error = expectValidationError(() => new InterfaceEndpoint(stack, "Consumer", { vpc, service }), "privateDnsEnabled", "true");
    expect(error.expected).toContain("SaasConsumerEndpoint");
    expect(error.constructPath).toBe("test/Consumer");
    // Private DNS off, or a service without acceptance, are fine.
    expect(() => new InterfaceEndpoint(stack, "Plain", { vpc, service, privateDnsEnabled: false })).not.toThrow();
  });

  test("fails when created with private DNS (the default) to a service whose private DNS name this configuration never verifies: AWS refuses private DNS for a name it has not verified", () => {
    const { stack, vpc, service } = serviceStack({ privateDnsName: "api.example.com", ...OPEN });
    const error = expectValidationError(() => new InterfaceEndpoint(stack, "Consumer", { vpc, service }), "privateDnsEnabled", "true");
    expect(error.constructPath).toBe("test/Consumer");
    expect(error.expected).toContain("test/Service offers api.example.com, which this configuration never verifies");
    expect(error.expected).toContain("privateDnsVerificationZone");
    expect(error.expected).toContain('privateDnsVerifiedOutsideTerraform: OptOut.because("<who verifies the name, and where>")');
    // Private DNS off is fine: clients dial the endpoint's generated names (or a customDnsName).
    const off = serviceStack({ privateDnsName: "api.example.com", ...OPEN });
    new InterfaceEndpoint(off.stack, "Plain", { vpc: off.vpc, service: off.service, privateDnsEnabled: false });
    expect(onlyResource(off.stack, "aws_vpc_endpoint")).toMatchObject({ private_dns_enabled: false });
  });

  test("take private DNS when the service says its name is verified outside Terraform, whose reason is recorded on the service", () => {
    const reason = "the DNS team adds the TXT record in the corporate DNS provider";
    const { stack, vpc, service } = serviceStack({
      privateDnsName: "api.example.com",
      privateDnsVerifiedOutsideTerraform: OptOut.because(reason),
      ...OPEN,
    });
    new InterfaceEndpoint(stack, "Consumer", { vpc, service });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_vpc_endpoint")).toMatchObject({ private_dns_enabled: true });
    // Nothing of this configuration verifies the name, so nothing to wait for.
    expect(onlyResource(json, "aws_vpc_endpoint").depends_on).toBeUndefined();
    expect(resourcesOfType(json, "aws_vpc_endpoint_service_private_dns_verification")).toEqual({});
    const recorded = Object.values(JSON.parse(JSON.stringify(stack.toTerraform())).resource.aws_vpc_endpoint_service)[0] as Record<
      string,
      Record<string, unknown>
    >;
    expect(recorded["//"].opt_outs).toEqual({ private_dns_verified_outside_terraform: reason });
  });

  test("with the name verified outside Terraform, a client reaches the service by its private DNS name, the verification an assumption of the flow", () => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const service = new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(providerVpc(stack)),
      privateDnsName: "api.example.com",
      privateDnsVerifiedOutsideTerraform: OptOut.because("the DNS team verifies it in the corporate DNS provider"),
      ...OPEN,
    });
    const consumers = new Vpc(stack, "Consumers", { name: "consumers", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new InterfaceEndpoint(stack, "Consumer", { vpc: consumers, service });
    const flow = expectFlow(stack, { vpc: consumers }, { dnsName: "api.example.com", port: 443 });
    flow.toBeAllowed();
    expect(flow.verdict.assumptions).toContain("the provider verifies api.example.com outside Terraform before Consumer answers it");
    expect(flow.verdict.hops.map((h) => h.text)).toContain(
      "api.example.com is the private DNS name of Service, verified outside Terraform (the DNS team verifies it in the corporate DNS provider)",
    );
  });

  test("with the name verified here, a client of the consumer's VPC reaches the service by its private DNS name", () => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const service = new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(providerVpc(stack)),
      privateDnsName: "api.example.com",
      privateDnsVerificationZone: ZONE,
      ...OPEN,
    });
    const consumers = new Vpc(stack, "Consumers", { name: "consumers", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new InterfaceEndpoint(stack, "Consumer", { vpc: consumers, service });
    expectFlow(stack, { vpc: consumers }, { dnsName: "api.example.com", port: 443 }).toBeAllowed();
  });

  test("fails when privateDnsVerifiedOutsideTerraform is no OptOut, has no name to verify, or contradicts the verification zone", () => {
    expectValidationError(
      () => serviceStack({ privateDnsName: "api.example.com", privateDnsVerifiedOutsideTerraform: true as never }),
      "privateDnsVerifiedOutsideTerraform",
      "true",
    );
    expectValidationError(
      () => serviceStack({ privateDnsName: "api.example.com", privateDnsVerifiedOutsideTerraform: OptOut.because("ok") }),
      "privateDnsVerifiedOutsideTerraform",
      '"ok"',
    );
    const reason = OptOut.because("the DNS team adds the TXT record in the corporate DNS provider");
    expectValidationError(
      () => serviceStack({ privateDnsVerifiedOutsideTerraform: reason }),
      "privateDnsVerifiedOutsideTerraform",
      JSON.stringify(reason.reason),
    );
    expectValidationError(
      () => serviceStack({ privateDnsName: "api.example.com", privateDnsVerificationZone: ZONE, privateDnsVerifiedOutsideTerraform: reason }),
      "privateDnsVerifiedOutsideTerraform",
      JSON.stringify(reason.reason),
    );
  });

  test("are admitted by a load balancer that enforces its group on PrivateLink traffic, from their own VPCs, once each", () => {
    const stack = stackWithProvider();
    const service = new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(providerVpc(stack)), ...OPEN });
    const consumerVpc = new Vpc(stack, "ConsumerVpc", {
      name: "consumer",
      cidrBlock: "10.1.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    new InterfaceEndpoint(stack, "Consumer", { vpc: consumerVpc, service });
    new InterfaceEndpoint(stack, "Second", { vpc: consumerVpc, service, privateDnsEnabled: false });
    const cidrs = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule"))
      .filter((r) => String(r.security_group_id).includes("Service_LoadBalancer_SecurityGroup"))
      .map((r) => [r.cidr_ipv4, r.from_port]);
    expect(cidrs).toEqual([
      ["10.0.0.0/16", 443],
      ["10.1.0.0/16", 443],
    ]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("are left to the caller's clients, or to the service when enforcement is off", () => {
    // The clients name the consumer's application subnet: the library adds nothing for its VPC.
    for (const overrides of [{ clients: [Peer.cidr("10.1.4.0/22")] }, { enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false }]) {
      const stack = stackWithProvider();
      const service = new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(providerVpc(stack), overrides), ...OPEN });
      const consumerVpc = new Vpc(stack, "ConsumerVpc", {
        name: "consumer",
        cidrBlock: "10.1.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
      });
      new InterfaceEndpoint(stack, "Consumer", { vpc: consumerVpc, service });
      const cidrs = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule"))
        .filter((r) => String(r.security_group_id).includes("Service_LoadBalancer_SecurityGroup"))
        .map((r) => r.cidr_ipv4);
      expect(cidrs).not.toContain("10.1.0.0/16");
      expect(() => Testing.synth(stack, true)).not.toThrow();
    }
  });

  test("fails when the caller's clients admit nothing of a consumer's VPC while the load balancer enforces its group on PrivateLink traffic", () => {
    const stack = stackWithProvider();
    const service = new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(providerVpc(stack), { clients: [Peer.cidr("10.9.0.0/16")] }),
    });
    const consumerVpc = new Vpc(stack, "ConsumerVpc", {
      name: "consumer",
      cidrBlock: "10.1.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    new InterfaceEndpoint(stack, "Consumer", { vpc: consumerVpc, service });
    const error = expectValidationError(() => Testing.synth(stack, true), "clients", '["10.9.0.0/16"]');
    expect(error.constructPath).toBe("test/Service/LoadBalancer");
    expect(error.expected).toContain("test/Consumer (10.1.0.0/16)");
  });

  test("does not judge clients it cannot read: a prefix list may hold the consumers' ranges", () => {
    const stack = stackWithProvider();
    const service = new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(providerVpc(stack), { clients: [Peer.prefixList("pl-0123456789abcdef0", "consumers")] }),
      ...OPEN,
    });
    const consumerVpc = new Vpc(stack, "ConsumerVpc", {
      name: "consumer",
      cidrBlock: "10.1.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    new InterfaceEndpoint(stack, "Consumer", { vpc: consumerVpc, service });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("that need acceptance are accepted by an EndpointConnectionAccepter, or by the IDs acceptEndpoints takes", () => {
    for (const accept of ["accepter", "list"]) {
      const stack = stackWithProvider();
      const service = new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(providerVpc(stack)) });
      const endpoint = new InterfaceEndpoint(stack, "Consumer", { vpc: providerVpc(stack, "ConsumerVpc"), service, privateDnsEnabled: false });
      if (accept === "accepter") new EndpointConnectionAccepter(stack, "Acceptance", { service, endpoint });
      else service.acceptEndpoints("reviewed", ["vpce-0123456789abcdef0"]);
      expect(() => Testing.synth(stack, true)).not.toThrow();
    }
  });

  test("fails when a consumer of this configuration needs acceptance and nothing accepts it (it would wait in pendingAcceptance)", () => {
    const stack = stackWithProvider();
    const service = new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(providerVpc(stack)) });
    new InterfaceEndpoint(stack, "Consumer", { vpc: providerVpc(stack, "ConsumerVpc"), service, privateDnsEnabled: false });
    const error = expectValidationError(() => Testing.synth(stack, true), "acceptanceRequired", "true");
    expect(error.constructPath).toBe("test/Service");
    expect(error.expected).toContain("an acceptance of test/Consumer");
  });

  test("acceptedOutsideTerraform: a provider who accepts in the console says so with a reason, and its consumers need no accepter; fails with acceptance off", () => {
    const stack = stackWithProvider();
    const service = new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(providerVpc(stack)),
      acceptedOutsideTerraform: OptOut.because("The partner desk accepts each connection in the console after a ticket"),
    });
    new InterfaceEndpoint(stack, "Consumer", { vpc: providerVpc(stack, "ConsumerVpc"), service, privateDnsEnabled: false });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const off = stackWithProvider();
    expectValidationError(
      () =>
        new EndpointService(off, "Service", {
          networkLoadBalancer: nlbOptions(providerVpc(off)),
          acceptanceRequired: false,
          allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
          acceptedOutsideTerraform: OptOut.because("The partner desk accepts each connection in the console after a ticket"),
        }),
      "acceptedOutsideTerraform",
      "partner desk",
    );
    expectValidationError(
      () =>
        new EndpointService(stackWithProvider(), "Service", {
          networkLoadBalancer: nlbOptions(providerVpc(stackWithProvider())),
          acceptedOutsideTerraform: true as never,
        }),
      "acceptedOutsideTerraform",
      "true",
    );
  });

  describe("of another account", () => {
    /** A service in 111111111111 allowing `allowed`, and a consumer VPC in `consumerAccount` (literal, or null: a provider without allowedAccountIds). */
    function crossAccount(allowed: readonly EndpointServicePrincipal[], consumerAccount: string | null = "222222222222", anyPrincipal = false) {
      const stack = stackWithoutProvider();
      const owner = new AwsProvider(stack, "owner", { alias: "owner", region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const consumer = new AwsProvider(stack, "consumer", {
        alias: "consumer",
        region: "us-east-1",
        allowedAccountIds: consumerAccount === null ? undefined : [consumerAccount],
      });
      const vpc = new Vpc(stack, "Vpc", { provider: owner, name: "p", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
      const service = new EndpointService(stack, "Service", {
        networkLoadBalancer: nlbOptions(vpc),
        allowedPrincipals: [...allowed],
        allowAnyPrincipal: anyPrincipal ? OptOut.because("A public service, reviewed connection by connection") : undefined,
      });
      const consumerVpc = new Vpc(stack, "ConsumerVpc", {
        provider: consumer,
        name: "c",
        cidrBlock: "10.1.0.0/16",
        availabilityZones: ["use1-az1", "use1-az2"],
      });
      return new InterfaceEndpoint(stack, "Consumer", { vpc: consumerVpc, service, privateDnsEnabled: false });
    }

    test("fails when the consumer's account is not among the allowed principals (AWS lets only them create an endpoint)", () => {
      const error = expectValidationError(
        () => crossAccount([EndpointServicePrincipal.account("333333333333")]),
        "service.allowedPrincipals",
        '["333333333333"]',
      );
      expect(error.constructPath).toBe("test/Consumer");
      expect(error.expected).toContain('EndpointServicePrincipal.account("222222222222")');
      expectValidationError(() => crossAccount([]), "service.allowedPrincipals", "[]");
      expectValidationError(
        () => crossAccount([EndpointServicePrincipal.iamRole("arn:aws:iam::333333333333:role/consumer")]),
        "service.allowedPrincipals",
        "arn:aws:iam::333333333333:role/consumer",
      );
    });

    test("takes the consumer's account, a role or user of it, every principal, the owner's own account, and accounts only Terraform knows", () => {
      crossAccount([EndpointServicePrincipal.account("222222222222")]);
      crossAccount([EndpointServicePrincipal.fromArn("arn:aws:iam::222222222222:root")]);
      crossAccount([EndpointServicePrincipal.iamRole("arn:aws:iam::222222222222:role/consumer")]);
      crossAccount([], "222222222222", true);
      crossAccount([], "111111111111");
      crossAccount([], null);
    });
  });

  describe("whose subnets are placed by AZ name", () => {
    function byName(consumerZones: readonly string[], consumerProvider?: "other account") {
      const stack = stackWithProvider();
      const service = new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(providerVpc(stack)), ...OPEN });
      const provider =
        consumerProvider === undefined
          ? undefined
          : new AwsProvider(stack, "consumer", { alias: "consumer", region: "us-east-1", allowedAccountIds: ["222222222222"] });
      const vpc = new Vpc(stack, "ConsumerVpc", { provider, name: "c", cidrBlock: "10.1.0.0/16", availabilityZones: consumerZones });
      return new InterfaceEndpoint(stack, "Consumer", { vpc, service, privateDnsEnabled: false });
    }

    test("fails when, in the service's account, a consumer subnet's AZ name is none of the load balancer's (one name, one zone there)", () => {
      const error = expectValidationError(() => byName(["us-east-1c", "us-east-1d"]), "vpc.privateSubnets", '"us-east-1c"');
      expect(error.expected).toContain("subnets in the zones test/Service is offered in (us-east-1a, us-east-1b)");
    });

    test("takes the load balancer's zones, and names of another account (which map to other zones there)", () => {
      byName(["us-east-1a", "us-east-1b"]);
      byName(["us-east-1c", "us-east-1d"], "other account");
    });
  });

  test("fails when a consumer subnet is in a zone the service is not offered in (AZ IDs), naming the service by its path, not a reference", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "p", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
    const service = new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(vpc), ...OPEN });
    const consumerVpc = new Vpc(stack, "ConsumerVpc", { name: "c", cidrBlock: "10.1.0.0/16", availabilityZones: ["use1-az3", "use1-az2"] });
    const error = expectValidationError(
      () => new InterfaceEndpoint(stack, "Consumer", { vpc: consumerVpc, service, privateDnsEnabled: false }),
      "vpc.privateSubnets",
      '"use1-az3"',
    );
    expect(error.expected).toBe(
      "subnets in the zones test/Service is offered in (use1-az1, use1-az2): AWS refuses an endpoint subnet in another zone",
    );
  });

  test("takes a cross-region consumer's zones of its own region, whichever zones the service is offered in", () => {
    const stack = stackWithProvider();
    const west = new AwsProvider(stack, "west", { alias: "west", region: "us-west-2" });
    const vpc = new Vpc(stack, "Vpc", { name: "p", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
    const service = new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(vpc), supportedRegions: ["us-west-2"], ...OPEN });
    const consumerVpc = new Vpc(stack, "ConsumerVpc", {
      provider: west,
      name: "c",
      cidrBlock: "10.1.0.0/16",
      availabilityZones: ["usw2-az1", "usw2-az2"],
    });
    new InterfaceEndpoint(stack, "Consumer", { vpc: consumerVpc, service, serviceRegion: "us-east-1", privateDnsEnabled: false });
  });

  test("fails when the load balancer enforces its group on PrivateLink traffic and admits its own VPC only, with no consumer known", () => {
    const stack = stackWithProvider();
    new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(providerVpc(stack)),
      allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
    });
    const error = expectValidationError(() => Testing.synth(stack, true), "clients", "undefined");
    expect(error.constructPath).toBe("test/Service/LoadBalancer");
    expect(error.expected).toContain("enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false");
  });
});

test("EndpointService lives in the account of the VPC its load balancer goes in, unless given a provider", () => {
  const stack = stackWithoutProvider();
  const owner = new AwsProvider(stack, "owner", { alias: "owner", region: "us-east-1" });
  const vpc = new Vpc(stack, "Vpc", { provider: owner, name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(vpc, { clients: vpcClientPeers(vpc) }), supportedRegions: ["eu-west-1"] });
  expect(onlyResource(stack, "aws_vpc_endpoint_service")).toMatchObject({ provider: "aws.owner", supported_regions: ["eu-west-1"] });
  expect(onlyResource(stack, "aws_lb").provider).toBe("aws.owner");
});
