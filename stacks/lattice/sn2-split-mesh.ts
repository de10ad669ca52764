import { TerraformOutput } from "cdktf";
import { OptOut } from "../../modules/core";
import { Flows } from "../../modules/flows";
import { SharePrincipal } from "../../modules/ram";
import { AuthPolicy, LatticeMesh, LatticeMeshMember, latticeInvokePolicy, ServiceNetwork } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { exampleVpc, SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

const PARTNER_ACCOUNT = SECOND_ACCOUNT;
/** What the owner stack outputs, handed to the partner out of band (the partner has no access to the owner's state). */
const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0a1b2c3d4e5f67890";
const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e";
/** The catalog service's generated name (the owner's catalog_dns_name output), what the partner's clients dial. */
const CATALOG_DNS_NAME = "catalog-0a1b2c3d4e5f67890.7d67968.vpc-lattice-svcs.us-east-1.on.aws";
/** The partner's client VPC, as the owner knows it: by ID, associated in the partner's own stack. */
const PARTNER_VPC_ID = "vpc-0f1e2d3c4b5a60718";
/** The partner's application role. */
const PARTNER_APP = { arn: `arn:aws:iam::${PARTNER_ACCOUNT}:role/catalog-reader` };

/**
 * SN-2 split in two stacks, as when the partner account runs its own
 * pipeline. Owner: the service network with its catalog service, shared
 * with a partner outside the organization (so the partner must accept).
 */
export const sn2MeshOwner = exampleStack("sn2-mesh-owner", ["SN-2"], (stack) => {
  const vpc = exampleVpc(stack, "CatalogVpc", "catalog", "10.50.0.0/16");
  const partnerReads = { accounts: [PARTNER_ACCOUNT], methods: ["GET" as const], paths: ["/catalog/*"] };
  const catalog = demoService(stack, "Catalog", {
    name: "catalog",
    targetGroup: demoIpTargets(stack, "Catalog", { name: "catalog", vpc, addresses: { "catalog-0": "10.50.0.10", "catalog-1": "10.50.1.10" } }),
    authPolicy: new AuthPolicy().allow({ sid: "PartnerReads", ...partnerReads }),
  });
  const mesh = new LatticeMesh(stack, "Mesh", {
    name: "partner-mesh",
    sharedWith: [SharePrincipal.account(PARTNER_ACCOUNT)],
    allowExternalPrincipals: OptOut.because("the partner account is outside the organization; it accepts the share in sn2-mesh-member"),
    // Only the partner's VPCs, and only reads: a partner is trusted less than a team of the organization.
    authPolicy: new AuthPolicy().allow({ sid: "PartnerVpcs", ...partnerReads, sourceVpcOwnerAccounts: [PARTNER_ACCOUNT] }),
  });
  mesh.serviceNetwork.associateService("catalog", catalog);

  new TerraformOutput(stack, "service_network_arn", { value: mesh.serviceNetwork.serviceNetworkArn, description: "Give to the partner" });
  new TerraformOutput(stack, "resource_share_arn", { value: mesh.share.resourceShareArn, description: "Give to the partner" });
  new TerraformOutput(stack, "catalog_dns_name", { value: catalog.dnsName });
  new TerraformOutput(stack, "partner_caller_policy", {
    value: latticeInvokePolicy(stack, [catalog]),
    description: "Give to the partner for its calling roles: a caller of another account needs an identity policy besides the auth policies",
  });

  // The owner sees the share, the policies and the targets; the partner's VPC only by ID.
  Flows.of(stack)
    .allow("partner-reads-catalog", {
      from: { vpc: PARTNER_VPC_ID, principal: PARTNER_APP },
      to: { target: catalog, request: { method: "GET", path: "/catalog/items/7" } },
      description: "The partner, outside the organization, reads the catalog from its own VPC once it has accepted the share and associated",
    })
    .deny("partner-cannot-write-catalog", {
      from: { vpc: PARTNER_VPC_ID, principal: PARTNER_APP },
      to: { target: catalog, request: { method: "POST", path: "/catalog/items" } },
      reason: "vpc-lattice-svcs:RequestMethod",
      description: "A partner is trusted less than a team of the organization: reads only",
    })
    .deny("partner-reads-only-the-catalog", {
      from: { vpc: PARTNER_VPC_ID, principal: PARTNER_APP },
      to: { target: catalog, request: { method: "GET", path: "/internal/costs" } },
      reason: "vpc-lattice-svcs:RequestPath",
    })
    .deny("unsigned-request-denied", {
      from: { vpc: PARTNER_VPC_ID, principal: { account: PARTNER_ACCOUNT, anonymous: true } },
      to: { target: catalog, request: { path: "/catalog/items/7" } },
      reason: "matches anonymous",
    })
    .deny("account-not-shared-with-denied", {
      from: { vpc: "vpc-0c1d2e3f4a5b60718", principal: { arn: `arn:aws:iam::${THIRD_ACCOUNT}:role/scraper` } },
      to: { target: catalog, request: { path: "/catalog/items/7" } },
      reason: "no RAM share in this stack gives service network partner-mesh to account 333333333333",
      description: "Only the partner account is given the network",
    })
    .deny("internet-cannot-reach-catalog", { from: { internet: true }, to: { target: catalog }, reason: "no public address" });
});

/** SN-2 split, partner side (its default provider is the partner account): accept the share, then associate the client VPC. */
export const sn2MeshMember = exampleStack(
  "sn2-mesh-member",
  ["SN-2"],
  (stack) => {
    const vpc = exampleVpc(stack, "PartnerVpc", "partner-clients", "10.60.0.0/16");
    const member = new LatticeMeshMember(stack, "Member", {
      serviceNetwork: ServiceNetwork.fromServiceNetworkAttributes(stack, "PartnerMesh", { serviceNetworkArn: NETWORK_ARN }),
      acceptShare: { resourceShareArn: SHARE_ARN },
      provider: stack.provider,
      vpc,
    });
    new TerraformOutput(stack, "vpc_association_id", { value: member.vpcAssociation!.associationId });

    // The partner sees the network only by ARN: its flows prove the acceptance comes before the association.
    Flows.of(stack)
      .allow("partner-clients-read-catalog", {
        from: { vpc, principal: PARTNER_APP },
        to: { dnsName: CATALOG_DNS_NAME, request: { method: "GET", path: "/catalog/items/7" } },
        description: "Partner clients call the catalog once the share is accepted and the VPC associated; the owner's side must grant the rest",
      })
      .deny("partner-clients-on-another-port-denied", {
        from: { vpc, principal: PARTNER_APP },
        to: { dnsName: CATALOG_DNS_NAME, port: 8443 },
        reason: "on tcp 8443",
        description: "The association's security group opens HTTPS (443) only",
      })
      .deny("internet-cannot-reach-catalog", {
        from: { internet: true },
        to: { dnsName: CATALOG_DNS_NAME },
        reason: "nothing in this stack is reachable from the internet",
      });
  },
  { accountId: PARTNER_ACCOUNT },
);
