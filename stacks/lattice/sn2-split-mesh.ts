import { TerraformOutput } from "cdktf";
import { suppress } from "../../modules/guardrails";
import { SharePrincipal } from "../../modules/ram";
import { AuthPolicy, LatticeMesh, LatticeMeshMember, ServiceNetwork } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { exampleVpc, SECOND_ACCOUNT } from "../example-values";

const PARTNER_ACCOUNT = SECOND_ACCOUNT;
/** What the owner stack outputs, handed to the partner out of band (the partner has no access to the owner's state). */
const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0a1b2c3d4e5f67890";
const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e";

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
    allowExternalPrincipals: true,
    // Only the partner's VPCs, and only reads: a partner is trusted less than a team of the organization.
    authPolicy: new AuthPolicy().allow({ sid: "PartnerVpcs", ...partnerReads, sourceVpcOwnerAccounts: [PARTNER_ACCOUNT] }),
  });
  mesh.serviceNetwork.associateService("catalog", catalog);
  suppress(mesh.share, "PN-RAM2", "The partner account is outside the organization: RAM shares with it only when external principals are allowed, and the partner accepts the share in sn2-mesh-member");

  new TerraformOutput(stack, "service_network_arn", { value: mesh.serviceNetwork.serviceNetworkArn, description: "Give to the partner" });
  new TerraformOutput(stack, "resource_share_arn", { value: mesh.share.resourceShareArn, description: "Give to the partner" });
  new TerraformOutput(stack, "catalog_dns_name", { value: catalog.dnsName });
});

/** SN-2 split, partner side (its default provider is the partner account): accept the share, then associate the client VPC. */
export const sn2MeshMember = exampleStack("sn2-mesh-member", ["SN-2"], (stack) => {
  const vpc = exampleVpc(stack, "PartnerVpc", "partner-clients", "10.60.0.0/16");
  const member = new LatticeMeshMember(stack, "Member", {
    serviceNetwork: ServiceNetwork.fromArn(stack, "PartnerMesh", NETWORK_ARN),
    acceptShare: { resourceShareArn: SHARE_ARN },
    provider: stack.provider,
    vpc,
  });
  new TerraformOutput(stack, "vpc_association_id", { value: member.vpcAssociation!.associationId });
}, { accountId: PARTNER_ACCOUNT });
