import { TerraformProvider } from "../../core/cdktf";
import { Construct } from "constructs";
import { checkAccountId, IResourceConfiguration, requireValue } from "../../core";
import { ResourceEndpoint } from "../../endpoints";
import { ResourceShare, ResourceShareAccepter, SharePrincipal } from "../../ram";
import { ISubnet, IVpc } from "../../vpc";

/** The partner account a resource is shared with, and where its clients are. */
export interface PartnerAccessProps {
  /** The account the resource is shared with. */
  readonly partnerAccountId: string;
  /** The partner account's provider, which accepts the share and creates the endpoint. */
  readonly partnerProvider: TerraformProvider;
  /** The partner VPC whose clients reach the resource. */
  readonly partnerVpc: IVpc;
  /** @default - the partner VPC's private subnets */
  readonly partnerSubnets?: readonly ISubnet[];
  /**
   * Share with an account outside your organization; the partner then
   * accepts the share (created here with its provider). Inside the
   * organization with RAM sharing enabled, no acceptance is needed.
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;
}

export interface SharedResourceAccessProps extends PartnerAccessProps {
  /** The share's name in both accounts' RAM consoles. */
  readonly name: string;
  /** The configuration to share, made in the owner account. */
  readonly resourceConfiguration: IResourceConfiguration;
}

/**
 * Shares a resource configuration with a partner account and gives a
 * partner VPC a Resource endpoint to it (direct access across accounts): the AWS
 * RAM share, the partner's acceptance when it is outside the organization,
 * and the endpoint, created only once the share names the partner, holds the
 * configuration and is accepted (otherwise its creation races the share).
 *
 * Creates: {@link ResourceShare}, {@link ResourceShareAccepter} (external
 * partners) and {@link ResourceEndpoint}.
 */
export class SharedResourceAccess extends Construct {
  /** The RAM share of the configuration with the partner. */
  public readonly share: ResourceShare;
  /** The partner's acceptance, for external partners. */
  public readonly accepter?: ResourceShareAccepter;
  /** The partner's endpoint; its `resource.dnsEntry` holds the names clients connect to. */
  public readonly endpoint: ResourceEndpoint;

  constructor(scope: Construct, id: string, props: SharedResourceAccessProps) {
    super(scope, id);
    checkAccountId(this, "partnerAccountId", props.partnerAccountId);
    requireValue(this, "partnerProvider", props.partnerProvider, "the partner account's AWS provider");
    requireValue(this, "partnerVpc", props.partnerVpc, "the partner VPC whose clients reach the resource");

    this.share = new ResourceShare(this, "Share", {
      provider: props.resourceConfiguration.provider,
      name: props.name,
      principals: [SharePrincipal.account(props.partnerAccountId)],
      allowExternalPrincipals: props.allowExternalPrincipals,
    });
    const shared = this.share.addResource("resource-configuration", props.resourceConfiguration.resourceConfigurationArn);
    if (props.allowExternalPrincipals === true) {
      this.accepter = new ResourceShareAccepter(this, "Accepter", { share: this.share, provider: props.partnerProvider });
    }

    // The partner sees the configuration only once the share names its account, holds the configuration and (outside the organization) is accepted.
    this.endpoint = new ResourceEndpoint(this, "Endpoint", {
      provider: props.partnerProvider,
      vpc: props.partnerVpc,
      subnets: props.partnerSubnets,
      resourceConfiguration: props.resourceConfiguration,
      dependsOn: [...this.share.consumerDependencies(shared), ...(this.accepter ? [this.accepter.resource] : [])],
    });
  }
}
