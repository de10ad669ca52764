import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { AuthPolicy, LatticeMesh, latticeInvokePolicy } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

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
    targetGroup: demoIpTargets(stack, "Inventory", {
      provider: inventory,
      name: "inventory",
      vpc: inventoryVpc,
      addresses: { "inventory-0": "10.41.0.10", "inventory-1": "10.41.1.10" },
    }),
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
  new TerraformOutput(stack, "inventory_dns_name", {
    value: inventoryService.dnsName,
    description: "What the storefront calls, with SigV4-signed requests",
  });
  new TerraformOutput(stack, "storefront_caller_policy", {
    value: latticeInvokePolicy(stack, [inventoryService]),
    description: "Attach to the storefront's calling roles: a caller of another account needs an identity policy besides the auth policies",
  });

  const storefrontApp = { arn: `arn:aws:iam::${STOREFRONT_ACCOUNT}:role/storefront`, organizationId: EXAMPLE_ORGANIZATION_ID };
  Flows.of(stack)
    .allow("storefront-reads-inventory", {
      from: { vpc: storefrontVpc, principal: storefrontApp },
      to: { target: inventoryService, request: { method: "GET", path: "/items/42" } },
      description: "The storefront account reads items of the inventory account's service through the shared network",
    })
    .deny("storefront-cannot-change-inventory", {
      from: { vpc: storefrontVpc, principal: storefrontApp },
      to: { target: inventoryService, request: { method: "PUT", path: "/items/42" } },
      reason: "vpc-lattice-svcs:RequestMethod",
      description: "The inventory service lets the storefront read, not write",
    })
    .deny("storefront-reads-outside-items-denied", {
      from: { vpc: storefrontVpc, principal: storefrontApp },
      to: { target: inventoryService, request: { method: "GET", path: "/admin/stock" } },
      reason: "vpc-lattice-svcs:RequestPath",
    })
    .deny("unsigned-request-denied", {
      from: { vpc: storefrontVpc, principal: { anonymous: true } },
      to: { target: inventoryService, request: { path: "/items/42" } },
      reason: "matches anonymous",
    })
    .deny("outside-account-role-denied", {
      from: { vpc: storefrontVpc, principal: { arn: "arn:aws:iam::444444444444:role/scraper" } },
      to: { target: inventoryService, request: { path: "/items/42" } },
      reason: "auth policy of service network commerce-mesh",
      description: "Credentials of an account the network is not shared with get nothing, even from a member's VPC",
    })
    .deny("inventory-vpc-is-not-a-client", {
      from: { vpc: inventoryVpc, principal: storefrontApp },
      to: { target: inventoryService, request: { path: "/items/42" } },
      reason: "neither associated with a service network",
      description: "The inventory account only offers its service: its VPC is not associated",
    });
});
