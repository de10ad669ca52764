import { TerraformOutput } from "cdktf";
import { HeaderMatch, LatticeListenerAction, LatticeService, LatticeTargetGroup, PathMatch } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { Flows } from "../../modules/flows";
import { denyOutsiders, httpIpTargets, organizationRole, serveToClientVpc } from "./service-clients";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc } from "../example-values";

/**
 * LS-3: one API name, several backends chosen by content. `/orders` and
 * `/inventory` go to their own services; clients sending
 * `x-api-version: 2` to `/catalog` reach the v2 catalog, the others the v1
 * one, and only GET is routed there; anything else gets a 404 from VPC
 * Lattice without reaching a target. The auth policy is derived from these
 * rules, so callers may use exactly the methods and paths that are routed.
 */
export const ls3ContentRouting = exampleStack("ls3-content-routing", ["LS-3", "DEP-4"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "ls3-shop-backends", "10.31.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "ls3-clients", "10.30.0.0/16");
  const backends = new SecurityGroup(stack, "BackendsSecurityGroup", { vpc: appVpc, description: "Shop backends reached through VPC Lattice" });

  const backend = (id: string, name: string, ips: Record<string, string>): LatticeTargetGroup =>
    httpIpTargets(stack, id, { name, vpc: appVpc, healthCheckPath: "/health", ips, securityGroup: backends });
  const orders = backend("Orders", "shop-orders", { "orders-1": "10.31.0.11", "orders-2": "10.31.1.11" });
  const inventory = backend("Inventory", "shop-inventory", { "inventory-1": "10.31.0.12", "inventory-2": "10.31.1.12" });
  const catalog = backend("Catalog", "shop-catalog-v1", { "catalog-1": "10.31.0.13", "catalog-2": "10.31.1.13" });
  const catalogV2 = backend("CatalogV2", "shop-catalog-v2", { "catalog-v2-1": "10.31.0.14", "catalog-v2-2": "10.31.1.14" });

  const shop = new LatticeService(stack, "Shop", {
    name: "shop-api",
    authPolicyFromRules: { organizationId: EXAMPLE_ORGANIZATION_ID, sourceVpcs: [clientVpc] },
  });
  shop.addListener({
    protocol: "HTTPS",
    defaultAction: LatticeListenerAction.fixedResponse(404),
    rules: [
      { name: "orders", priority: 10, match: { path: PathMatch.prefix("/orders") }, action: LatticeListenerAction.forward(orders) },
      { name: "inventory", priority: 20, match: { path: PathMatch.prefix("/inventory") }, action: LatticeListenerAction.forward(inventory) },
      {
        name: "catalog-v2",
        priority: 30,
        match: { path: PathMatch.prefix("/catalog"), headers: [HeaderMatch.exact("x-api-version", "2")], method: "GET" },
        action: LatticeListenerAction.forward(catalogV2),
      },
      { name: "catalog", priority: 40, match: { path: PathMatch.prefix("/catalog"), method: "GET" }, action: LatticeListenerAction.forward(catalog) },
    ],
  });

  serveToClientVpc(stack, { name: "ls3-shop", clientVpc, services: { shop }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "backends_security_group_id", { value: backends.securityGroupId, description: "Attach to the backend tasks" });

  const shopper = { vpc: clientVpc, principal: organizationRole("storefront") };
  const api = (method: string, path: string, headers?: Record<string, string>) => ({ dnsName: shop.dnsName, request: { method, path, headers } });
  Flows.of(stack)
    .allow("storefront-places-an-order", { from: shopper, to: api("POST", "/orders"), description: "Rule orders forwards every method of /orders" })
    .allow("storefront-checks-inventory", { from: shopper, to: api("GET", "/inventory/sku-7") })
    .allow("v2-client-reads-the-v2-catalog", {
      from: shopper,
      to: api("GET", "/catalog/shoes", { "x-api-version": "2" }),
      description: "The header picks catalog v2",
    })
    .allow("client-reads-the-v1-catalog", { from: shopper, to: api("GET", "/catalog/shoes") })
    .deny("writing-the-catalog-is-refused", {
      from: shopper,
      to: api("PUT", "/catalog/shoes"),
      reason: "vpc-lattice-svcs:RequestMethod",
      description: "The derived policy admits only the methods the rules route: GET on /catalog",
    })
    .deny("unrouted-path-is-refused", {
      from: shopper,
      to: api("GET", "/admin"),
      reason: "vpc-lattice-svcs:RequestPath",
      description: "No rule routes /admin, so the derived policy admits it nowhere",
    });
  denyOutsiders(stack, { service: shop, clientVpc, request: { method: "GET", path: "/orders" }, unassociatedVpc: appVpc });
});
