import { ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { RamResourceShareAccepter } from "@cdktf/provider-aws/lib/ram-resource-share-accepter";
import {
  AwsResourceProps,
  checkLength,
  isAccountId,
  isOrganizationalUnitArn,
  isUnresolved,
  OptOut,
  optOutReason,
  recordOptOut,
  parseArn,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../core";

/** Who a share is granted to. */
export class SharePrincipal {
  /** One AWS account, by 12-digit ID. */
  public static account(accountId: string): SharePrincipal {
    return new SharePrincipal(accountId, `account-${accountId}`, isAccountId, "a 12-digit AWS account ID");
  }

  /** An organizational unit, by ARN. */
  public static organizationalUnit(ouArn: string): SharePrincipal {
    return new SharePrincipal(ouArn, `ou-${ouArn.split("/").pop()}`, isOrganizationalUnitArn, "an OU ARN such as arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34");
  }

  /** A whole organization, by ARN. */
  public static organization(organizationArn: string): SharePrincipal {
    return new SharePrincipal(
      organizationArn,
      `org-${organizationArn.split("/").pop()}`,
      (v) => /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/.test(v),
      "an organization ARN such as arn:aws:organizations::111111111111:organization/o-abcdefghij",
    );
  }

  private constructor(
    /** The RAM `principal` value: an account ID, OU ARN or organization ARN. */
    public readonly value: string,
    /** Stable part of the association's construct ID. */
    public readonly key: string,
    private readonly isValid: (value: string) => boolean,
    private readonly expected: string,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string): void {
    if (!isUnresolved(this.value) && !this.isValid(this.value)) throw new ValidationError(scope, prop, this.value, this.expected);
  }
}

/** A share that consumer accounts accept. */
export interface IResourceShare {
  /** ARN of the RAM resource share (`aws_ram_resource_share.arn`). */
  readonly resourceShareArn: string;
  /** What must exist before an invitation can be accepted. @default - nothing */
  readonly invitationDependencies?: readonly ITerraformDependable[];
}

/**
 * Who a resource is shared with through AWS RAM: the one sharing value of
 * every area (service networks, resource configurations, DNS groups,
 * meshes, transit gateways).
 */
export interface ResourceSharing {
  /** Accounts, OUs or the organization the share is granted to. */
  readonly principals: readonly SharePrincipal[];
  /**
   * Share with principals outside your AWS organization (they must accept
   * the share). Off by default so that a typo in an account ID cannot share
   * with a stranger: turn it on with `OptOut.because("<why>")` (the reason
   * is recorded with the share; `true` still works, deprecated).
   * @default - principals of the organization only
   */
  readonly allowExternalPrincipals?: OptOut | boolean;
  /** The share's name in the RAM console of both accounts. @default - the shared resource's name */
  readonly name?: string;
}

export interface ResourceShareProps extends AwsResourceProps, ResourceSharing {
  /** Share name as shown in the RAM console of both accounts. */
  readonly name: string;
}

/**
 * An AWS RAM resource share with its principal associations. Resources are
 * added with {@link ResourceShare.addResource}, keyed by a stable name.
 *
 * Creates: aws_ram_resource_share, aws_ram_principal_association,
 * aws_ram_resource_association.
 */
export class ResourceShare extends Construct implements IResourceShare {
  /** The underlying `aws_ram_resource_share`, as an escape hatch. */
  public readonly resource: RamResourceShare;
  /** ARN of the RAM resource share (`aws_ram_resource_share.arn`). */
  public readonly resourceShareArn: string;
  /** Whether principals outside the owner's AWS organization may be granted the share (`allow_external_principals`). */
  public readonly allowExternalPrincipals: boolean;
  /** The accounts, OUs or organization the share is granted to, one `aws_ram_principal_association` each. */
  public readonly principals: readonly SharePrincipal[];
  public readonly invitationDependencies: readonly ITerraformDependable[];
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: ResourceShareProps) {
    super(scope, id);
    requireProps(this, props, ["name", "principals"]);
    requireValue(this, "name", props.name, "a share name");
    checkLength(this, "name", props.name, 1, 255);
    if (props.principals.length === 0) {
      throw new ValidationError(this, "principals", [], "at least one account, OU or organization to share with");
    }
    props.principals.forEach((p, i) => p.validate(this, `principals[${i}]`));
    this.provider = props.provider;
    const external = optOutReason(this, "allowExternalPrincipals", props.allowExternalPrincipals);
    this.allowExternalPrincipals = external !== undefined;
    this.principals = props.principals;
    this.resource = new RamResourceShare(this, "Resource", {
      provider: props.provider,
      name: props.name,
      allowExternalPrincipals: this.allowExternalPrincipals,
      tags: { Name: props.name },
    });
    if (external !== undefined) recordOptOut(this.resource, "allow_external_principals", external);
    this.resourceShareArn = this.resource.arn;
    this.invitationDependencies = props.principals.map(
      (principal) =>
        new RamPrincipalAssociation(this, `Principal-${stableId(principal.key)}`, {
          provider: props.provider,
          resourceShareArn: this.resourceShareArn,
          principal: principal.value,
        }),
    );
  }

  /**
   * What a consumer's block (an endpoint, an association) must wait for
   * before it uses a resource of the share: the principal associations and
   * the resource's association. A consumer outside the organization waits
   * for its acceptance too.
   */
  public consumerDependencies(resource: RamResourceAssociation): ITerraformDependable[] {
    return [...this.invitationDependencies, resource];
  }

  /**
   * Shares one more resource; `name` keys its Terraform address. Returns the
   * association, which consumers of the resource wait for with
   * {@link ResourceShare.consumerDependencies}.
   */
  public addResource(name: string, resourceArn: string): RamResourceAssociation {
    if (!isUnresolved(resourceArn) && parseArn(resourceArn) === undefined) {
      throw new ValidationError(this, `resources.${name}`, resourceArn, "the ARN of a shareable resource");
    }
    return new RamResourceAssociation(this, `Resource-${stableId(name)}`, {
      provider: this.provider,
      resourceShareArn: this.resourceShareArn,
      resourceArn,
    });
  }
}

/** Props for ResourceShareAccepter. */
export interface ResourceShareAccepterProps {
  /** The share whose invitation to accept; the accepter waits for its principal associations. */
  readonly share: IResourceShare;
  /** The consumer account's provider. */
  readonly provider: TerraformProvider;
}

/**
 * The consumer side of a share sent to an account outside the owner's
 * organization (or inside one without RAM organization sharing enabled):
 * accepts the invitation. Shares inside an organization with sharing
 * enabled need no acceptance; don't create this for them.
 *
 * Creates: aws_ram_resource_share_accepter.
 */
export class ResourceShareAccepter extends Construct {
  /** The underlying `aws_ram_resource_share_accepter`, as an escape hatch. */
  public readonly resource: RamResourceShareAccepter;

  constructor(scope: Construct, id: string, props: ResourceShareAccepterProps) {
    super(scope, id);
    requireValue(this, "provider", props.provider, "the consumer account's AWS provider");
    this.resource = new RamResourceShareAccepter(this, "Resource", {
      provider: props.provider,
      shareArn: props.share.resourceShareArn,
      dependsOn: props.share.invitationDependencies ? [...props.share.invitationDependencies] : undefined,
    });
  }
}
