import { Construct } from "constructs";
import { Ec2InstanceConnectEndpoint as Ec2InstanceConnectEndpointResource } from "@cdktf/provider-aws/lib/ec2-instance-connect-endpoint";
import {
  AppCounter,
  AwsResourceProps,
  checkBoolean,
  checkKnownProps,
  checkList,
  checkObject,
  checkResourceId,
  checkTags,
  isUnresolved,
  nameFromPath,
  Port,
  providerOf,
  requireProps,
  requireValue,
  ValidationError,
} from "../core";
import { checkInVpc, Connections, defaultSubnetsOf, IConnectable, ISecurityGroup, ISubnet, IVpc, SecurityGroup } from "../vpc";
import { checkTimeouts, EndpointTimeouts } from "./endpoint-base";

/** EC2 Instance Connect Endpoints per VPC in this app: AWS allows one. */
const instanceConnectEndpointsPerVpc = new AppCounter<IVpc>();

export interface Ec2InstanceConnectEndpointProps extends AwsResourceProps {
  /** The VPC whose instances operators reach. */
  readonly vpc: IVpc;
  /**
   * The subnet the endpoint's network interface goes in (one: the endpoint
   * reaches instances in every subnet of the VPC that routes allow).
   * @default - the VPC's first private subnet
   */
  readonly subnet?: ISubnet;
  /**
   * Groups of the endpoint instead of the one created for it, of `vpc`.
   * @default - a new group with no rules: `connections.allowTo(instances, Port.tcp(22), "why")` adds its egress and the instances' ingress
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /**
   * Instances see the operator's own address instead of the endpoint's.
   * Then their groups must admit the operators' networks (`Peer.cidr`)
   * themselves: add the endpoint's egress with
   * `connections.allowTo(Peer.cidr(<instances' CIDR>), port, "why")`.
   * @default false
   */
  readonly preserveClientIp?: boolean;
  /** Tags of the endpoint (its Name is its construct path unless given). @default - the Name tag only */
  readonly tags?: Readonly<Record<string, string>>;
  /** How long Terraform waits for the endpoint (it takes minutes to create). @default - the provider's */
  readonly timeouts?: Pick<EndpointTimeouts, "create" | "delete">;
}

/**
 * An EC2 Instance Connect Endpoint: operators open SSH or RDP sessions to
 * instances in private subnets (`aws ec2-instance-connect ssh`, the
 * console) with IAM, without a bastion, a public address or an internet
 * gateway. Its security group starts with no rules; say which instances it
 * reaches on which ports with `endpoint.connections.allowTo(instances, Port.tcp(22), "why")`,
 * which also admits the endpoint's group on the instances' groups.
 *
 * Creates: aws_ec2_instance_connect_endpoint, aws_security_group (unless
 * security groups are given), and the rules `connections` adds.
 */
export class Ec2InstanceConnectEndpoint extends Construct implements IConnectable {
  /** The `aws_ec2_instance_connect_endpoint`, for escape hatches. */
  public readonly resource: Ec2InstanceConnectEndpointResource;
  /** The group created for the endpoint; undefined when `securityGroups` were given. */
  public readonly securityGroup?: SecurityGroup;
  /** Who the endpoint reaches: `endpoint.connections.allowTo(instances, Port.tcp(22), "why")`. */
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, props: Ec2InstanceConnectEndpointProps) {
    super(scope, id);
    requireProps(this, props, ["vpc"]);
    checkKnownProps(this, props, EC2_INSTANCE_CONNECT_ENDPOINT_PROPS);
    const preserveClientIp = checkBoolean(this, "preserveClientIp", props.preserveClientIp) ?? false;
    const provider = providerOf(props, props.vpc);
    const subnet = props.subnet ?? defaultSubnetsOf(this, "subnet", props.vpc, "subnet")[0];
    const subnetProp = props.subnet === undefined ? "vpc.privateSubnets" : "subnet";
    checkObject(this, subnetProp, subnet);
    requireValue(this, `${subnetProp}.subnetId`, subnet.subnetId, "the subnet's ID (subnet-…)");
    checkResourceId(this, `${subnetProp}.subnetId`, subnet.subnetId, "subnet");
    checkInVpc(this, subnetProp, [subnet], props.vpc);
    const given = checkList(this, "securityGroups", props.securityGroups);
    if (given !== undefined && !isUnresolved(given) && given.length === 0) {
      throw new ValidationError(this, "securityGroups", [], "at least one security group, or leave it unset to create one");
    }
    checkInVpc(this, "securityGroups", given, props.vpc);
    this.securityGroup =
      given === undefined
        ? new SecurityGroup(this, "SecurityGroup", {
            provider,
            vpc: props.vpc,
            description: "EC2 Instance Connect Endpoint: operator sessions to instances",
          })
        : undefined;
    const tags = { Name: nameFromPath(this), ...checkTags(this, "tags", props.tags) };
    const timeouts = checkTimeouts(this, props.timeouts, ["create", "delete"]);
    // AWS allows one EC2 Instance Connect Endpoint per VPC: a second one's apply fails. Counted once every other input is checked.
    if (instanceConnectEndpointsPerVpc.increment(this, props.vpc) > 1) {
      throw new ValidationError(
        this,
        "vpc",
        Construct.isConstruct(props.vpc) ? props.vpc.node.path : props.vpc.vpcId,
        "a VPC without an EC2 Instance Connect Endpoint yet: AWS allows one per VPC, and one endpoint reaches instances in every subnet of its VPC",
      );
    }
    const groups = given ?? [this.securityGroup as SecurityGroup];
    this.connections = new Connections(this, { securityGroups: groups, defaultPort: Port.tcp(22) });
    this.resource = new Ec2InstanceConnectEndpointResource(this, "Resource", {
      provider,
      subnetId: subnet.subnetId,
      securityGroupIds: groups.map((g) => g.securityGroupId),
      preserveClientIp,
      tags,
      timeouts,
    });
  }

  /** `eice-…`, known at apply. */
  public get instanceConnectEndpointId(): string {
    return this.resource.id;
  }
}

const EC2_INSTANCE_CONNECT_ENDPOINT_PROPS: Record<keyof Ec2InstanceConnectEndpointProps, true> = {
  vpc: true,
  subnet: true,
  securityGroups: true,
  preserveClientIp: true,
  tags: true,
  timeouts: true,
  provider: true,
};
