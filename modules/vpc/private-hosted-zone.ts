import { TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53VpcAssociationAuthorization } from "@cdktf/provider-aws/lib/route53-vpc-association-authorization";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association";
import {
  AwsResourceProps,
  canonicalDnsName,
  checkDnsName,
  checkKnownProps,
  checkLength,
  checkPattern,
  checkString,
  checkTags,
  isUnresolved,
  isUnresolvedList,
  literalAccountOf,
  literalRegionOf,
  providerOf,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../core";
import { IHostedZone } from "./hosted-zone";
import { checkIsVpc, checkVpcDns, describeVpc, IVpc } from "./vpc";

export interface PrivateHostedZoneProps extends AwsResourceProps {
  /** The zone's domain, such as `internal.example.com`: the VPCs associated with it resolve every name below it from this zone only. */
  readonly zoneName: string;
  /**
   * The VPC the zone is created with (a private zone always has at least
   * one), in the zone's account; add more with {@link PrivateHostedZone.associateVpc}.
   */
  readonly vpc: IVpc;
  /** Up to 256 characters. @default - "Private names of <zoneName>" */
  readonly comment?: string;
  /** Tags of the zone. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The VPCs associated with a zone so far: by key, the literal IDs and the VPCs themselves (whose IDs only Terraform knows), to refuse doubles. */
interface Associations {
  readonly keys: Set<string>;
  readonly vpcIds: Set<string>;
  readonly vpcs: Set<IVpc>;
}

/**
 * A Route 53 private hosted zone and the VPCs that resolve names from it.
 * The zone answers only associated VPCs, so a name written to it (a Lattice
 * service's custom domain, an endpoint's alias) resolves exactly where the
 * zone is associated. VPCs of other accounts are associated the way Route 53
 * requires: the zone's account authorizes the association, the VPC's account
 * makes it.
 *
 * Creates: aws_route53_zone (with its first VPC), and per further VPC
 * aws_route53_zone_association, plus aws_route53_vpc_association_authorization
 * for a VPC of another account (with its `vpc_region` when that is not the
 * zone provider's region).
 */
export class PrivateHostedZone extends Construct implements IHostedZone {
  /** The underlying `aws_route53_zone`, as an escape hatch. */
  public readonly resource: Route53Zone;
  /** Hosted zone ID (`Z...`), known at apply. */
  public readonly zoneId: string;
  /** The zone's domain, lower case, without the final dot. */
  public readonly zoneName: string;
  /** The provider of the account that owns the zone (the one of its first VPC unless given). */
  public readonly provider?: TerraformProvider;
  private readonly associations: Associations = { keys: new Set(), vpcIds: new Set(), vpcs: new Set() };

  constructor(scope: Construct, id: string, props: PrivateHostedZoneProps) {
    super(scope, id);
    requireProps(this, props, ["zoneName", "vpc"]);
    checkKnownProps(this, props, PRIVATE_HOSTED_ZONE_PROPS);
    // A VPC ID string would render the zone's vpc block without a vpc_id.
    checkIsVpc(this, "vpc", props.vpc);
    checkString(this, "zoneName", props.zoneName);
    checkLength(this, "zoneName", props.zoneName, 1, 255);
    checkDnsName(this, "zoneName", props.zoneName);
    checkString(this, "comment", props.comment);
    checkLength(this, "comment", props.comment, 0, 256);
    const tags = checkTags(this, "tags", props.tags);
    this.provider = providerOf(props, props.vpc);
    if (crossAccount(this, props.vpc, this.provider)) {
      throw new ValidationError(
        this,
        "vpc",
        `${Construct.isConstruct(props.vpc) ? props.vpc.node.path : props.vpc.vpcId} (provider ${props.vpc.provider?.alias ?? "default"})`,
        `a VPC of the zone's account (provider ${this.provider?.alias ?? "default"}): associate VPCs of other accounts with associateVpc, which authorizes them`,
      );
    }
    this.zoneName = isUnresolved(props.zoneName) ? props.zoneName : canonicalDnsName(props.zoneName);
    this.resource = new Route53Zone(this, "Resource", {
      provider: this.provider,
      name: this.zoneName,
      comment: props.comment ?? `Private names of ${this.zoneName}`,
      // A VPC of the zone's account in another region (its own provider) is looked up in its region.
      vpc: [{ vpcId: props.vpc.vpcId, vpcRegion: vpcRegionFor(this, props.vpc, this.provider) }],
      tags: tags === undefined ? undefined : { ...tags },
      // Further VPCs are separate associations; without this Terraform would remove them at the next apply.
      lifecycle: { ignoreChanges: ["vpc"] },
    });
    this.zoneId = this.resource.zoneId;
    this.remember("vpc", props.vpc, undefined);
  }

  /**
   * Lets one more VPC resolve names from the zone; `name` keys its Terraform
   * addresses. A VPC of another account (another provider) is authorized by
   * the zone's account and associated by its own.
   */
  public associateVpc(name: string, vpc: IVpc): Route53ZoneAssociation {
    requireValue(this, "associateVpc.name", name, "a name for the association, which keys its Terraform address");
    checkString(this, "associateVpc.name", name);
    checkPattern(this, "associateVpc.name", name, /\S/, "a name for the association, which keys its Terraform address");
    requireValue(this, `associateVpc(${name})`, vpc, "the VPC to associate");
    checkIsVpc(this, `associateVpc(${name})`, vpc);
    this.remember(`associateVpc(${name})`, vpc, name);
    const key = stableId(name);
    const authorization = crossAccount(this, vpc, this.provider)
      ? new Route53VpcAssociationAuthorization(this, `Authorization-${key}`, {
          provider: this.provider,
          zoneId: this.zoneId,
          vpcId: vpc.vpcId,
          vpcRegion: vpcRegionFor(this, vpc, this.provider),
        })
      : undefined;
    const provider = authorization === undefined ? this.provider : vpc.provider;
    // Through the authorization's attributes, so that the VPC's account associates only once the zone's account has authorized it.
    return new Route53ZoneAssociation(this, `Association-${key}`, {
      provider,
      zoneId: authorization?.zoneId ?? this.zoneId,
      vpcId: authorization?.vpcId ?? vpc.vpcId,
      vpcRegion: vpcRegionFor(this, vpc, provider),
    });
  }

  private remember(prop: string, vpc: IVpc, name: string | undefined): void {
    checkVpcDns(this, prop, vpc.vpcId, vpc, `private hosted zone ${this.zoneName}`);
    if (name !== undefined) {
      if (this.associations.keys.has(stableId(name))) throw new ValidationError(this, prop, name, "a name no other association of the zone uses");
      this.associations.keys.add(stableId(name));
    }
    const shown = isUnresolved(vpc.vpcId) ? describeVpc(vpc) : vpc.vpcId;
    if (this.associates(vpc)) throw new ValidationError(this, prop, shown, "a VPC not associated with the zone yet");
    // A zone made elsewhere of this name that the imported VPC says it is associated with: the same refusal as for a zone of this app.
    const existing = vpc.associatedPrivateZoneNames;
    if (
      !isUnresolved(this.zoneName) &&
      existing !== undefined &&
      !isUnresolvedList(existing) &&
      existing.some((zone) => !isUnresolved(zone) && canonicalDnsName(zone) === this.zoneName)
    )
      throw new ValidationError(
        this,
        prop,
        shown,
        `a VPC no other private zone named ${this.zoneName} is associated with (it is associated with the existing private hosted zone ${this.zoneName} (VpcAttributes.privateHostedZoneNames)): Route 53 refuses a second zone of the same name in one VPC (ConflictingDomainExists; add the records to the existing zone instead, or give this zone another name)`,
      );
    // Route 53 refuses a VPC two private zones of the same name (ConflictingDomainExists): it could not tell which one answers.
    const rival = this.node.root.node
      .findAll()
      .find((c): c is PrivateHostedZone => c instanceof PrivateHostedZone && c !== this && c.zoneName === this.zoneName && c.associates(vpc));
    if (rival !== undefined && !isUnresolved(this.zoneName))
      throw new ValidationError(
        this,
        prop,
        shown,
        `a VPC no other private zone named ${this.zoneName} is associated with (${rival.node.path} is): Route 53 refuses a second zone of the same name in one VPC (add the records to ${rival.node.path} instead)`,
      );
    this.associations.vpcs.add(vpc);
    if (!isUnresolved(vpc.vpcId)) this.associations.vpcIds.add(vpc.vpcId);
  }

  /** Whether `vpc` is associated with the zone already: the same VPC, or the same literal ID. */
  private associates(vpc: IVpc): boolean {
    return this.associations.vpcs.has(vpc) || (!isUnresolved(vpc.vpcId) && this.associations.vpcIds.has(vpc.vpcId));
  }
}

/**
 * The `vpc_region` a Route 53 resource made with `provider` needs for `vpc`
 * (an association authorization, a zone association): the region of the
 * VPC's provider, when it is known (a literal, or an explicit provider's
 * reference) and not the region `provider` has. Route 53 looks the VPC up
 * in `vpc_region`, which the AWS provider fills with its own region when
 * unset: a VPC of another region is then not found. Undefined (nothing
 * written) for a VPC of the caller's region, or of the caller's provider.
 * @internal
 */
export function vpcRegionFor(scope: IConstruct, vpc: IVpc, provider: TerraformProvider | undefined): string | undefined {
  if (vpc.provider?.alias === provider?.alias) return undefined;
  const region = knownRegionOf(scope, vpc.provider);
  return region === undefined || region === knownRegionOf(scope, provider) ? undefined : region;
}

/** The region of a provider (the stack's default when undefined) as a literal, else an explicit provider's reference; undefined when none is given. */
function knownRegionOf(scope: IConstruct, provider: TerraformProvider | undefined): string | undefined {
  return literalRegionOf(scope, provider) ?? (provider instanceof AwsProvider ? provider.region : undefined);
}

/**
 * True when the VPC belongs to another account than the zone's: another
 * provider (one provider per account, as every cross-account pattern here),
 * told apart by alias so that the default provider given explicitly and left
 * out are the same, unless both providers are pinned to the same account
 * (`allowed_account_ids`): a provider per region of one account, whose VPCs
 * the zone's account associates itself, without an authorization.
 */
function crossAccount(scope: IConstruct, vpc: IVpc, zoneProvider: TerraformProvider | undefined): boolean {
  if (vpc.provider?.alias === zoneProvider?.alias) return false;
  const vpcAccount = literalAccountOf(scope, vpc.provider);
  return vpcAccount === undefined || vpcAccount !== literalAccountOf(scope, zoneProvider);
}

const PRIVATE_HOSTED_ZONE_PROPS: Record<keyof PrivateHostedZoneProps, true> = {
  zoneName: true,
  vpc: true,
  comment: true,
  tags: true,
  provider: true,
};
