import { TerraformOutput } from "cdktf";
import { AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoService } from "./service-network-demo";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

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
  const fromWeb = { sourceVpcs: [webVpc], sourceVpcOwnerAccounts: [OWNER_ACCOUNT] };
  const fromApp = { sourceVpcs: [appVpc], sourceVpcOwnerAccounts: [OWNER_ACCOUNT] };

  const appApi = demoService(stack, "AppApi", {
    name: "app-api",
    vpc: appVpc,
    targets: { "app-0": "10.31.0.10", "app-1": "10.31.1.10" },
    authPolicy: new AuthPolicy().allow({ sid: "WebTier", ...fromWeb }),
  });
  const dataApi = demoService(stack, "DataApi", {
    name: "data-api",
    vpc: dataVpc,
    targets: { "data-0": "10.32.0.10", "data-1": "10.32.1.10" },
    authPolicy: new AuthPolicy().allow({ sid: "AppTier", ...fromApp }),
  });

  const network = new ServiceNetwork(stack, "ServiceNetwork", {
    name: "three-tier-app",
    authPolicy: new AuthPolicy().allow({ sid: "WebToApp", ...fromWeb, services: [appApi] }).allow({ sid: "AppToData", ...fromApp, services: [dataApi] }),
  });
  network.associateVpc("web-tier", { vpc: webVpc });
  network.associateVpc("app-tier", { vpc: appVpc });
  network.associateService("app-api", appApi);
  network.associateService("data-api", dataApi);

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "app_api_dns_name", { value: appApi.dnsName, description: "Called by the web tier" });
  new TerraformOutput(stack, "data_api_dns_name", { value: dataApi.dnsName, description: "Called by the app tier" });
});
