import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { Peer, SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT, SECOND_ACCOUNT } from "../example-values";

/**
 * SN-3: a three-tier application whose tiers live in separate VPCs. One
 * service network replaces the peering mesh, and its auth policy encodes the
 * tiering: the web tier may call the app tier's API, the app tier may call
 * the data tier's API, and nothing else (the web tier cannot skip a tier).
 * Only VPCs with callers are associated: the data VPC only hosts targets.
 */
export const sn3MultiTierApp = exampleStack("sn3-multi-tier-app", ["SN-3"], (stack) => {
  const webVpc = exampleVpc(stack, "WebVpc", "web-tier", "10.30.0.0/16");
  const appVpc = exampleVpc(stack, "AppVpc", "app-tier", "10.31.0.0/16");
  const dataVpc = exampleVpc(stack, "DataVpc", "data-tier", "10.32.0.0/16");
  // The tiers' own roles, from the tier's own VPC: a signed request from another account's identity does not count.
  const fromWeb = { accounts: [OWNER_ACCOUNT], sourceVpcs: [webVpc], sourceVpcOwnerAccounts: [OWNER_ACCOUNT] };
  const fromApp = { accounts: [OWNER_ACCOUNT], sourceVpcs: [appVpc], sourceVpcOwnerAccounts: [OWNER_ACCOUNT] };

  const appApi = demoService(stack, "AppApi", {
    name: "app-api",
    targetGroup: demoIpTargets(stack, "AppApi", { name: "app-api", vpc: appVpc, addresses: { "app-0": "10.31.0.10", "app-1": "10.31.1.10" } }),
    authPolicy: new AuthPolicy().allow({ sid: "WebTier", ...fromWeb }),
  });
  const dataApi = demoService(stack, "DataApi", {
    name: "data-api",
    targetGroup: demoIpTargets(stack, "DataApi", { name: "data-api", vpc: dataVpc, addresses: { "data-0": "10.32.0.10", "data-1": "10.32.1.10" } }),
    authPolicy: new AuthPolicy().allow({ sid: "AppTier", ...fromApp }),
  });

  const network = new ServiceNetwork(stack, "ServiceNetwork", {
    name: "three-tier-app",
    authPolicy: new AuthPolicy()
      .allow({ sid: "WebToApp", ...fromWeb, services: [appApi] })
      .allow({ sid: "AppToData", ...fromApp, services: [dataApi] }),
  });
  network.associateVpc("web-tier", { vpc: webVpc });
  network.associateVpc("app-tier", { vpc: appVpc });
  network.associateService("app-api", appApi);
  network.associateService("data-api", dataApi);

  // The app tier's hosts also call the data tier: a Terraform-made group lets nothing out, so their callers' group opens HTTPS to VPC Lattice.
  const appCallers = new SecurityGroup(stack, "AppTierCallers", { vpc: appVpc, description: "App-tier hosts calling data-api through VPC Lattice" });
  appCallers.addEgressRule({
    peer: Peer.vpcLattice(),
    port: 443,
    description: "App tier to the services of the network through VPC Lattice (HTTPS)",
  });

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "app_tier_callers_security_group_id", {
    value: appCallers.securityGroupId,
    description: "Attach to the app-tier hosts (beside app-api's targets group): it lets them call data-api",
  });
  new TerraformOutput(stack, "app_api_dns_name", { value: appApi.dnsName, description: "Called by the web tier" });
  new TerraformOutput(stack, "data_api_dns_name", { value: dataApi.dnsName, description: "Called by the app tier" });

  const webRole = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/web-tier`, organizationId: EXAMPLE_ORGANIZATION_ID };
  const appRole = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/app-tier`, organizationId: EXAMPLE_ORGANIZATION_ID };
  Flows.of(stack)
    .allow("web-tier-calls-app-api", {
      from: { vpc: webVpc, principal: webRole },
      to: { target: appApi, request: { method: "GET", path: "/orders/42" } },
      description: "The web tier calls the app tier's API",
    })
    .allow("app-tier-calls-data-api", {
      from: { vpc: appVpc, securityGroup: appCallers, principal: appRole },
      to: { target: dataApi, request: { method: "POST", path: "/records" } },
      description: "The app tier calls the data tier's API",
    })
    .deny("web-tier-cannot-skip-to-data-api", {
      from: { vpc: webVpc, principal: webRole },
      to: { target: dataApi },
      reason: "auth policy of service network three-tier-app",
      description: "The network's policy encodes the tiering: the web tier never reaches the data tier",
    })
    .deny("other-account-role-in-web-vpc-denied", {
      from: { vpc: webVpc, principal: { arn: `arn:aws:iam::${SECOND_ACCOUNT}:role/intruder`, organizationId: EXAMPLE_ORGANIZATION_ID } },
      to: { target: appApi },
      reason: "no Allow statement matches",
      description: "Credentials of another account on a web-tier host are not the web tier",
    })
    .deny("unsigned-request-denied", {
      from: { vpc: webVpc, principal: { anonymous: true } },
      to: { target: appApi },
      reason: "no Allow statement matches anonymous",
    })
    .deny("data-vpc-is-not-a-client", {
      from: { vpc: dataVpc, principal: webRole },
      to: { target: appApi },
      reason: "neither associated with a service network",
      description: "The data VPC only hosts targets: it is not associated, so nothing in it calls the network",
    })
    .deny("internet-cannot-reach-app-api", { from: { internet: true }, to: { target: appApi }, reason: "no public address" });
});
