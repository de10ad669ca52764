import { ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpclatticeServiceNetwork } from "@cdktf/provider-aws/lib/vpclattice-service-network";
import {
  AwsResourceProps,
  checkOneOf,
  requireProps,
  ValidationError,
} from "../core";
import { ResourceShare, SharePrincipal } from "../ram";
import { AccessLogs, LatticeAccessLogs } from "./access-logs";
import { AuthPolicy, LatticeAuthPolicy } from "./auth-policy";
import { checkLatticeName } from "./names";
import { identifiersOfArn, identifiersOfId, ImportedServiceNetwork, ServiceNetworkIdAttributes, ServiceNetworkImportOptions } from "./imported-service-network";
import { LatticeAuthType } from "./interfaces";
import { ServiceNetworkBase } from "./service-network-base";


/** How a service network is shared through AWS RAM. */
export interface ServiceNetworkSharing {
  /** Accounts, OUs or the organization to share with. */
  readonly principals: readonly SharePrincipal[];
  /**
   * Allow principals outside your organization (they must accept the share).
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;
  /** @default - the network's name */
  readonly shareName?: string;
}

export interface ServiceNetworkProps extends AwsResourceProps {
  /** 3-63 lowercase letters, digits and single hyphens; not starting with `servicenetwork-`. */
  readonly name: string;
  /**
   * `AWS_IAM` requires SigV4-signed requests allowed by the auth policy.
   * `NONE` needs `allowUnauthenticatedAccess: true`.
   * @default "AWS_IAM"
   */
  readonly authType?: LatticeAuthType;
  /**
   * Who may call the network's services.
   * @default - with `sharing`, the authenticated principals of the shared-with accounts,
   * OUs and organization; without it, required (AWS_IAM with no policy denies everything);
   * none with `resourceConfigurationsOnly`
   */
  readonly authPolicy?: AuthPolicy;
  /**
   * The explicit opt-in to `authType: "NONE"`: every client of an associated VPC may call every service.
   * @default false
   */
  readonly allowUnauthenticatedAccess?: boolean;
  /** @default AccessLogs.toNewLogGroup(): a CloudWatch Logs group with one-year retention */
  readonly accessLogs?: AccessLogs;
  /** @default - not shared */
  readonly sharing?: ServiceNetworkSharing;
  /**
   * A network for resource configurations only (databases, hosts and domain
   * names behind resource gateways). VPC Lattice does not apply a service
   * network's auth policy to resource configurations (the security groups of
   * the association or endpoint, the gateway and the resource decide who
   * connects), so none is created and `authPolicy` is refused, and services
   * cannot be associated, since they would need one. `auth_type` stays
   * AWS_IAM, so a service associated from elsewhere is denied every request
   * instead of being open.
   * @default false
   */
  readonly resourceConfigurationsOnly?: boolean;
}

/**
 * A VPC Lattice service network: the logical boundary that services,
 * resource configurations and client VPCs join. AWS_IAM auth with an auth
 * policy and access logs (service and resource traffic) are on by default;
 * it can be shared with other accounts through AWS RAM. A network of
 * resource configurations only (`resourceConfigurationsOnly`) has no auth
 * policy, since AWS applies none to them.
 *
 * Creates: aws_vpclattice_service_network, aws_vpclattice_auth_policy,
 * aws_vpclattice_access_log_subscription and aws_cloudwatch_log_group (see
 * {@link LatticeAccessLogs}), aws_ram_resource_share with its associations
 * (with `sharing`), and the associations added with `associate*`.
 */
export class ServiceNetwork extends ServiceNetworkBase {
  /** A network made elsewhere (another stack, or another account that shares it), by ARN. */
  public static fromArn(scope: Construct, id: string, serviceNetworkArn: string, options: ServiceNetworkImportOptions = {}): ServiceNetworkBase {
    return new ImportedServiceNetwork(scope, id, options.provider, (self) => identifiersOfArn(self, serviceNetworkArn));
  }

  /** A network made elsewhere, by ID; the owner account and region make up its ARN. */
  public static fromId(scope: Construct, id: string, attrs: ServiceNetworkIdAttributes): ServiceNetworkBase {
    return new ImportedServiceNetwork(scope, id, attrs.provider, (self) => identifiersOfId(self, attrs));
  }

  /** The underlying `aws_vpclattice_service_network`, as an escape hatch. */
  public readonly resource: VpclatticeServiceNetwork;
  public readonly serviceNetworkId: string;
  public readonly serviceNetworkArn: string;
  public readonly provider?: TerraformProvider;
  /** The network's name. */
  public readonly name: string;
  /** The network's `auth_type`: AWS_IAM unless NONE was explicitly allowed. */
  public readonly authType: LatticeAuthType;
  /** The auth policy; undefined with authType NONE and for networks of resource configurations only. */
  public readonly authPolicy?: LatticeAuthPolicy;
  /** True for a network of resource configurations only: no auth policy, and no service may join. */
  public readonly resourceConfigurationsOnly: boolean;
  /** The network's access log subscriptions (and the log group created by default). */
  public readonly accessLogs: LatticeAccessLogs;
  /** The RAM share, with `sharing`. */
  public readonly share?: ResourceShare;
  /**
   * What must exist before another account can use the network: the share's
   * principal and resource associations. Consumers' associations depend on these.
   */
  public readonly shareDependencies: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ServiceNetworkProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkLatticeName(this, "name", props.name, { min: 3, max: 63, reservedPrefix: "servicenetwork-" });
    this.authType = props.authType ?? "AWS_IAM";
    checkOneOf(this, "authType", this.authType, ["AWS_IAM", "NONE"]);
    this.resourceConfigurationsOnly = props.resourceConfigurationsOnly ?? false;
    const authPolicy = this.chooseAuthPolicy(props);

    this.name = props.name;
    this.provider = props.provider;
    this.resource = new VpclatticeServiceNetwork(this, "Resource", {
      provider: props.provider,
      name: props.name,
      authType: this.authType,
      tags: { Name: props.name },
    });
    this.serviceNetworkId = this.resource.id;
    this.serviceNetworkArn = this.resource.arn;

    if (authPolicy !== undefined) {
      this.authPolicy = new LatticeAuthPolicy(this, "AuthPolicy", { target: this, policy: authPolicy, provider: props.provider });
    }
    this.accessLogs = new LatticeAccessLogs(this, "AccessLogs", { source: this, name: props.name, accessLogs: props.accessLogs, provider: props.provider });

    if (props.sharing === undefined) {
      this.shareDependencies = [];
    } else {
      this.share = new ResourceShare(this, "Share", {
        provider: props.provider,
        name: props.sharing.shareName ?? props.name,
        principals: props.sharing.principals,
        allowExternalPrincipals: props.sharing.allowExternalPrincipals,
      });
      const association = this.share.addResource("service-network", this.serviceNetworkArn);
      this.shareDependencies = this.share.consumerDependencies(association);
    }
  }

  private chooseAuthPolicy(props: ServiceNetworkProps): AuthPolicy | undefined {
    if (this.authType === "NONE") {
      if (props.allowUnauthenticatedAccess !== true) {
        throw new ValidationError(this, "authType", "NONE", "AWS_IAM, or NONE together with allowUnauthenticatedAccess: true (every client of every associated VPC could call every service)");
      }
      if (props.authPolicy !== undefined) {
        throw new ValidationError(this, "authPolicy", "a policy with authType NONE", "no auth policy (VPC Lattice ignores it unless authType is AWS_IAM)");
      }
      return undefined;
    }
    if (this.resourceConfigurationsOnly) {
      if (props.authPolicy !== undefined) {
        throw new ValidationError(this, "authPolicy", "a policy with resourceConfigurationsOnly", "no auth policy: VPC Lattice does not apply a service network's auth policy to resource configurations (security groups decide who connects)");
      }
      return undefined;
    }
    if (props.authPolicy !== undefined) return props.authPolicy;
    if (props.sharing !== undefined && props.sharing.principals.length > 0) return AuthPolicy.fromSharePrincipals(props.sharing.principals);
    throw new ValidationError(
      this,
      "authPolicy",
      undefined,
      "an AuthPolicy (for example new AuthPolicy().allow({ accounts: [...] })) or sharing principals to derive one from: with AWS_IAM and no policy, VPC Lattice denies every request",
    );
  }
}
