import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import {
  ApplianceTargets,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  InspectedSubnetTier,
} from "../../modules/privatelink";
import { Peer, SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { CONSUMER_ACCOUNT_A, privateLinkVpc } from "./shared";

/** The workload VPC's application subnets, one per zone (the example VPC's /24s). */
const APPLICATION_SUBNETS = { "use1-az1": "10.110.0.0/24", "use1-az2": "10.110.1.0/24" } as const;

/**
 * DEP-2 / DEP-1 with a Gateway Load Balancer: the security account offers
 * inspection as an endpoint service (a Gateway Load Balancer in front of
 * two firewall appliances, GENEVE on 6081, health-checked over HTTP on 80),
 * and the workload account puts its cardholder-data tier behind it. The
 * tier gets subnets of its own and a GatewayLoadBalancer endpoint per zone
 * in dedicated subnets; every packet between the application subnets and
 * the tier passes the appliances both ways through the endpoint in the
 * tier subnet's zone (a stateful firewall must see both halves of a
 * connection). The security account allows the workload account only, and
 * accepts exactly the two endpoints. Both VPCs are placed by AZ ID, so the
 * endpoints are proven to be in the load balancer's zones.
 */
export const dep2GwlbInspection = exampleStack("dep2-gwlb-inspection", ["DEP-2", "DEP-1"], (stack) => {
  const workloads = stack.accountProvider("workloads", CONSUMER_ACCOUNT_A);
  const inspectionVpc = privateLinkVpc(stack, "InspectionVpc", "dep2-inspection", "10.100.0.0/16");
  const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
    vpc: inspectionVpc,
    appliances: ApplianceTargets.ipAddresses({ addresses: { "firewall-a": "10.100.0.10", "firewall-b": "10.100.1.10" } }),
    healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
  });
  const inspection = new EndpointService(stack, "Inspection", {
    name: "dep2-inspection",
    loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
    allowedPrincipals: [EndpointServicePrincipal.account(CONSUMER_ACCOUNT_A)],
  });

  const workloadVpc = privateLinkVpc(stack, "WorkloadVpc", "dep2-workloads", "10.110.0.0/16", { provider: workloads });
  const [applicationAz1, applicationAz2] = workloadVpc.privateSubnets;
  const cardholderData = new InspectedSubnetTier(stack, "CardholderData", {
    vpc: workloadVpc,
    name: "cardholder-data",
    service: inspection,
    subnetCidrs: { "use1-az1": "10.110.10.0/24", "use1-az2": "10.110.11.0/24" },
    endpointSubnetCidrs: { "use1-az1": "10.110.255.0/28", "use1-az2": "10.110.255.16/28" },
    clients: {
      "application-az1": { subnet: applicationAz1, cidrBlock: APPLICATION_SUBNETS["use1-az1"] },
      "application-az2": { subnet: applicationAz2, cidrBlock: APPLICATION_SUBNETS["use1-az2"] },
    },
  });
  const databases = new SecurityGroup(stack, "Databases", {
    provider: workloads,
    vpc: workloadVpc,
    description: "Cardholder-data databases: PostgreSQL from the application subnets",
  });
  for (const [zone, cidr] of Object.entries(APPLICATION_SUBNETS)) {
    databases.addIngressRule({
      peer: Peer.cidr(cidr),
      port: 5432,
      description: `PostgreSQL from the application subnet in ${zone}, through inspection`,
    });
  }

  new TerraformOutput(stack, "inspection_service_name", {
    value: inspection.serviceName,
    description: "For further workload VPCs (EndpointService.fromEndpointServiceAttributes with serviceType GatewayLoadBalancer)",
  });
  new TerraformOutput(stack, "appliances_security_group_id", {
    value: firewalls.appliancesSecurityGroup.securityGroupId,
    description: "Attach to the firewall appliances: admits GENEVE and the health checks",
  });
  new TerraformOutput(stack, "cardholder_data_subnet_ids", {
    value: cardholderData.subnets.map((s) => s.subnetId),
    description: "Where the databases go (their subnet group)",
  });
  new TerraformOutput(stack, "databases_security_group_id", { value: databases.securityGroupId, description: "Attach to the databases" });

  const [tierAz1] = cardholderData.subnets;
  Flows.of(stack)
    .allow("application-reaches-cardholder-data-through-inspection", {
      from: { subnet: applicationAz1.subnetId },
      to: { target: databases, port: 5432 },
      description: "Both directions pass the firewalls, through the endpoint in the tier subnet's zone",
    })
    .allow("application-reaches-cardholder-data-across-zones", {
      from: { subnet: applicationAz2.subnetId },
      to: { target: tierAz1.subnetId, port: 5432 },
      description: "From the other zone, request and replies take the tier zone's endpoint",
    })
    .deny("application-reaches-databases-on-5432-only", {
      from: { subnet: applicationAz1.subnetId },
      to: { target: databases, port: 22 },
      reason: "has no ingress from 10.110.0.0/24",
    })
    .deny("inspection-vpc-cannot-reach-cardholder-data", {
      from: inspectionVpc,
      to: { target: tierAz1.subnetId, port: 5432 },
      reason: "has no route to 10.110.10.0/24",
      description: "The appliances' VPC is no way in: nothing routes to the workload VPC",
    })
    .deny("internet-cannot-reach-cardholder-data", {
      from: { internet: true },
      to: { target: tierAz1.subnetId, port: 5432 },
      reason: "no public address",
    });
});
