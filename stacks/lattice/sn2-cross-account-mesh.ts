import { TerraformOutput } from "cdktf";
import { AuthPolicy, LatticeMesh } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoService } from "./service-network-demo";
import { exampleVpc, SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

const STOREFRONT_ACCOUNT = SECOND_ACCOUNT;
const INVENTORY_ACCOUNT = THIRD_ACCOUNT;

/**
 * SN-2, one configuration for three accounts: the networking account
 * (default provider, 111111111111) owns the service network and shares it
 * through RAM inside the organization; the inventory account registers its
 * service; the storefront account associates its VPC and calls it. Each
 * side's resources are made with that account's provider alias.
 */
export const sn2CrossAccountMesh = exampleStack("sn2-cross-account-mesh", ["SN-2"], (stack) => {
  const storefront = stack.accountProvider("storefront", STOREFRONT_ACCOUNT);
  const inventory = stack.accountProvider("inventory", INVENTORY_ACCOUNT);

  const storefrontVpc = exampleVpc(stack, "StorefrontVpc", "storefront", "10.40.0.0/16", { provider: storefront });
  const inventoryVpc = exampleVpc(stack, "InventoryVpc", "inventory", "10.41.0.0/16", { provider: inventory });
  const inventoryService = demoService(stack, "Inventory", {
    provider: inventory,
    name: "inventory",
    vpc: inventoryVpc,
    targets: { "inventory-0": "10.41.0.10", "inventory-1": "10.41.1.10" },
    authPolicy: new AuthPolicy().allow({ sid: "StorefrontReads", accounts: [STOREFRONT_ACCOUNT], methods: ["GET", "HEAD"], paths: ["/items/*"] }),
  });

  const mesh = new LatticeMesh(stack, "Mesh", {
    name: "commerce-mesh",
    members: [
      { name: "storefront", accountId: STOREFRONT_ACCOUNT, provider: storefront, vpc: storefrontVpc },
      { name: "inventory", accountId: INVENTORY_ACCOUNT, provider: inventory, services: [{ name: "inventory", service: inventoryService }] },
    ],
  });

  new TerraformOutput(stack, "service_network_arn", { value: mesh.serviceNetwork.serviceNetworkArn });
  new TerraformOutput(stack, "inventory_dns_name", { value: inventoryService.dnsName, description: "What the storefront calls, with SigV4-signed requests" });
});
