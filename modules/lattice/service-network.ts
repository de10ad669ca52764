import { ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpclatticeServiceNetwork } from "@cdktf/provider-aws/lib/vpclattice-service-network";
import {
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkBoolean,
  checkInstance,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkString,
  OptOut,
  optOutReason,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  ValidationError,
} from "../core";
import { ResourceShare, ResourceSharing, SharePrincipal } from "../ram";
import { AccessLogs, LatticeAccessLogs } from "./access-logs";
import { AllowedCallers, AuthPolicy, LatticeAuthPolicy } from "./auth-policy";
import { checkLatticeName } from "./names";
import {
  ImportedServiceNetwork,
  ServiceNetworkAttributes,
  ServiceNetworkIdAttributes,
  ServiceNetworkImportOptions,
} from "./imported-service-network";
import { LatticeAuthType } from "./interfaces";
import { checkUniquePrincipals, claimName, countInAccount, tagsWithName } from "./placement";
import { ServiceNetworkBase } from "./service-network-base";
import { gateBehindShare, gateShareTarget } from "./share-gate";

/** How a service network is shared through AWS RAM: the library's one sharing value, plus the old name of its `name`. */
export interface ServiceNetworkSharing extends ResourceSharing {
  /** @deprecated Use `name`, as every ResourceSharing names its share. @default - the network's name */
  readonly shareName?: string;
}

export interface ServiceNetworkProps extends AwsResourceProps {
  /** 3-63 lowercase letters, digits and single hyphens; not starting with `servicenetwork-`. */
  readonly name: string;
  /**
   * `AWS_IAM` requires SigV4-signed requests allowed by the auth policy.
   * `NONE` needs `allowUnauthenticatedAccess: OptOut.because("<why>")`.
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
   * The explicit opt-in to `authType: "NONE"`, with its reason:
   * `OptOut.because("<why>")` (every client of an associated VPC may call
   * every service). The reason is recorded on the network; `true` still
   * works, deprecated.
   * @default - none: authType NONE fails
   */
  readonly allowUnauthenticatedAccess?: OptOut | boolean;
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
  /** Tags of the network, its auth policy, access logs and share (Name is set to the network's name unless given). @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
}

const SERVICE_NETWORK_PROPS: Record<keyof ServiceNetworkProps, true> = {
  name: true,
  provider: true,
  authType: true,
  authPolicy: true,
  allowUnauthenticatedAccess: true,
  accessLogs: true,
  sharing: true,
  resourceConfigurationsOnly: true,
  tags: true,
};

const SERVICE_NETWORK_SHARING: Record<keyof ServiceNetworkSharing, true> = {
  principals: true,
  allowExternalPrincipals: true,
  name: true,
  shareName: true,
};

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
  /**
   * A network made elsewhere (another stack, or another account that shares
   * it), by ARN, or by ID with its account and region. What it returns
   * associates VPCs, services and resource configurations like a network made here.
   */
  public static fromServiceNetworkAttributes(scope: Construct, id: string, attrs: ServiceNetworkAttributes): ImportedServiceNetwork {
    return new ImportedServiceNetwork(scope, id, attrs);
  }

  /** @deprecated Use {@link ServiceNetwork.fromServiceNetworkAttributes} with `{ serviceNetworkArn, provider }`. */
  public static fromArn(scope: Construct, id: string, serviceNetworkArn: string, options: ServiceNetworkImportOptions = {}): ServiceNetworkBase {
    return ServiceNetwork.fromServiceNetworkAttributes(scope, id, { serviceNetworkArn, provider: options.provider });
  }

  /** @deprecated Use {@link ServiceNetwork.fromServiceNetworkAttributes} with `{ serviceNetworkId, accountId, region, provider }`. */
  public static fromId(scope: Construct, id: string, attrs: ServiceNetworkIdAttributes): ServiceNetworkBase {
    return ServiceNetwork.fromServiceNetworkAttributes(scope, id, {
      serviceNetworkId: attrs.serviceNetworkId,
      accountId: attrs.accountId,
      region: attrs.region,
      provider: attrs.provider,
    });
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
  /** The policy given or derived from the sharing principals; undefined without one. */
  private readonly policy?: AuthPolicy;

  constructor(scope: Construct, id: string, props: ServiceNetworkProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkKnownProps(this, props, SERVICE_NETWORK_PROPS);
    checkLatticeName(this, "name", props.name, { min: 3, max: 63, reservedPrefix: "servicenetwork-" });
    checkString(this, "authType", props.authType);
    this.authType = props.authType ?? "AWS_IAM";
    checkOneOf(this, "authType", this.authType, ["AWS_IAM", "NONE"]);
    this.resourceConfigurationsOnly = checkBoolean(this, "resourceConfigurationsOnly", props.resourceConfigurationsOnly) ?? false;
    const sharing = this.checkSharing(props);
    const unauthenticated = optOutReason(this, "allowUnauthenticatedAccess", props.allowUnauthenticatedAccess);
    const authPolicy = this.chooseAuthPolicy(props, sharing, unauthenticated);
    this.policy = authPolicy;
    claimName(this, "name", "service network", props.name, props.provider);
    countInAccount(this, "service network", props.provider, AWS_DEFAULT_QUOTAS.serviceNetworksPerRegion, "Service networks per Region");

    this.name = props.name;
    this.provider = props.provider;
    this.resource = new VpclatticeServiceNetwork(this, "Resource", {
      provider: props.provider,
      name: props.name,
      authType: this.authType,
      tags: tagsWithName(this, props.name, props.tags),
    });
    if (unauthenticated !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.unauthenticatedAccess, unauthenticated);
    this.serviceNetworkId = this.resource.id;
    this.serviceNetworkArn = this.resource.arn;
    // Associations and ServiceNetwork endpoints made in other accounts wait for every share of the network, a plain ResourceShare's too.
    gateShareTarget(this, `the network ${this.node.path}`, () => this.serviceNetworkArn);

    if (authPolicy !== undefined) {
      this.authPolicy = new LatticeAuthPolicy(this, "AuthPolicy", { target: this, policy: authPolicy, provider: props.provider });
    }
    this.accessLogs = new LatticeAccessLogs(this, "AccessLogs", {
      source: this,
      name: props.name,
      accessLogs: props.accessLogs,
      provider: props.provider,
      tags: props.tags,
    });
    if (this.accessLogs.disabledReason !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.accessLogs, this.accessLogs.disabledReason);

    if (sharing === undefined) {
      this.shareDependencies = [];
    } else {
      this.share = new ResourceShare(this, "Share", {
        provider: props.provider,
        name: sharing.name ?? sharing.shareName ?? props.name,
        principals: sharing.principals,
        allowExternalPrincipals: sharing.allowExternalPrincipals,
      });
      const association = this.share.addResource("service-network", this.serviceNetworkArn);
      // Associations and ServiceNetwork endpoints made in other accounts wait for the share; an account it leaves out fails.
      this.shareDependencies = gateBehindShare(this, `the network ${this.node.path}`, this.share, association, "sharing.principals");
    }
  }

  /** True with `sharing`: resource configurations joining the network must allow shareable networks. */
  public get sharedThroughRam(): boolean {
    return this.share !== undefined;
  }

  /**
   * Whether the network lets anonymous (unsigned) callers in, as the
   * TLS_PASSTHROUGH listeners of its services need: always with authType
   * NONE, else when its auth policy has a grant for them. @internal
   */
  public override admitsAnonymousCallers(): boolean | undefined {
    if (this.authType === "NONE") return true;
    return this.policy?.admitsAnonymous();
  }

  /** Who the network's auth policy can let in, as far as synth can tell; undefined without a policy. @internal */
  public override allowedCallers(): readonly AllowedCallers[] | undefined {
    return this.authType === "NONE" ? undefined : this.policy?.allowedCallers();
  }

  /** The sharing value, checked: an object whose principals are a list, each principal once, and one name for the share. */
  private checkSharing(props: ServiceNetworkProps): ServiceNetworkSharing | undefined {
    const sharing = checkObject(this, "sharing", props.sharing);
    if (sharing === undefined) return undefined;
    requireProps(this, sharing, ["principals"]);
    checkKnownProps(this, sharing, SERVICE_NETWORK_SHARING, "sharing");
    const principals = checkList(this, "sharing.principals", sharing.principals) ?? [];
    principals.forEach((p, i) =>
      checkInstance(
        this,
        `sharing.principals[${i}]`,
        p,
        (v): v is SharePrincipal => v instanceof SharePrincipal,
        "SharePrincipal.account, organizationalUnit or organization",
      ),
    );
    checkUniquePrincipals(this, "sharing.principals", principals);
    if (sharing.name !== undefined && sharing.shareName !== undefined) {
      throw new ValidationError(this, "sharing.name, sharing.shareName", "both", "sharing.name only (shareName is its deprecated form)");
    }
    return sharing;
  }

  private chooseAuthPolicy(
    props: ServiceNetworkProps,
    sharing: ServiceNetworkSharing | undefined,
    unauthenticated: string | undefined,
  ): AuthPolicy | undefined {
    if (this.authType === "NONE") {
      if (unauthenticated === undefined) {
        throw new ValidationError(
          this,
          "authType",
          "NONE",
          'AWS_IAM, or NONE together with allowUnauthenticatedAccess: OptOut.because("<why>") (every client of every associated VPC could call every service)',
        );
      }
      if (props.authPolicy !== undefined) {
        throw new ValidationError(
          this,
          "authPolicy",
          "a policy with authType NONE",
          "no auth policy (VPC Lattice ignores it unless authType is AWS_IAM)",
        );
      }
      return undefined;
    }
    if (unauthenticated !== undefined) {
      throw new ValidationError(
        this,
        "allowUnauthenticatedAccess",
        props.allowUnauthenticatedAccess,
        'nothing with authType AWS_IAM (the opt-out only goes with authType: "NONE")',
      );
    }
    if (this.resourceConfigurationsOnly) {
      if (props.authPolicy !== undefined) {
        throw new ValidationError(
          this,
          "authPolicy",
          "a policy with resourceConfigurationsOnly",
          "no auth policy: VPC Lattice does not apply a service network's auth policy to resource configurations (security groups decide who connects)",
        );
      }
      return undefined;
    }
    if (props.authPolicy !== undefined)
      return checkInstance(this, "authPolicy", props.authPolicy, (v): v is AuthPolicy => v instanceof AuthPolicy, "new AuthPolicy().allow(...)");
    if (sharing !== undefined && sharing.principals.length > 0) return AuthPolicy.fromSharePrincipals(sharing.principals);
    throw new ValidationError(
      this,
      "authPolicy",
      undefined,
      "an AuthPolicy (for example new AuthPolicy().allow({ accounts: [...] })) or sharing principals to derive one from: with AWS_IAM and no policy, VPC Lattice denies every request",
    );
  }
}
