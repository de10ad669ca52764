import { Annotations } from "../../core/cdktf";
import { Construct } from "constructs";
import { checkItemCount, Port, providerOf, resolveRegion, stableId, ValidationError } from "../../core";
import { SecurityGroup, vpcClientPeers } from "../../vpc";
import { AwsService } from "../aws-service";
import { addEndpointIngressRules, NetworkEndpointProps } from "../endpoint-base";
import { EndpointPolicy, EndpointPolicyPrincipals, S3BucketsOptions } from "../endpoint-policy";
import { GatewayEndpoint } from "../gateway-endpoint";
import { InterfaceEndpoint } from "../interface-endpoint";

/** One AWS service a VPC reaches privately, and how. */
export interface ServiceAccess {
  /** The service, e.g. `AwsService.LOGS`. */
  readonly service: AwsService;
  /** What may be done through the endpoint. */
  readonly policy: EndpointPolicy;
  /**
   * Gateway (S3 and DynamoDB: free, route-table based) or Interface.
   * @default "Interface"
   */
  readonly endpointType?: "Gateway" | "Interface";
  /** @default - the InterfaceEndpoint default */
  readonly privateDnsEnabled?: boolean;
}

/** Presets of {@link PrivateAwsServiceAccess}: the endpoints each use case needs, with least-privilege policies. */
export class ServiceAccessPresets {
  /** S3 from private subnets, through the free gateway endpoint, to the listed buckets only. */
  public static privateS3(bucketNames: readonly string[], options: S3BucketsOptions = {}): ServiceAccess[] {
    return [{ service: AwsService.S3, endpointType: "Gateway", policy: EndpointPolicy.s3Buckets(bucketNames, options) }];
  }

  /** DynamoDB without internet access, through the gateway endpoint, to the listed tables only. */
  public static dynamoDb(tableArns: readonly string[], options: EndpointPolicyPrincipals & { readonly readOnly?: boolean } = {}): ServiceAccess[] {
    return [{ service: AwsService.DYNAMODB, endpointType: "Gateway", policy: EndpointPolicy.dynamoDbTables(tableArns, options) }];
  }

  /** Application logs to the listed CloudWatch Logs groups only. */
  public static cloudWatchLogs(logGroupArns: readonly string[], options: EndpointPolicyPrincipals = {}): ServiceAccess[] {
    return [{ service: AwsService.LOGS, policy: EndpointPolicy.logGroups(logGroupArns, options) }];
  }

  /**
   * Container image pulls from the listed ECR repositories: `ecr.api`
   * (tokens, manifests), `ecr.dkr` (the registry), the S3 gateway endpoint
   * the image layers come from, and CloudWatch Logs for the containers' logs.
   */
  public static ecrPull(repositoryArns: readonly string[], logGroupArns: readonly string[], options: EndpointPolicyPrincipals = {}): ServiceAccess[] {
    return [
      { service: AwsService.ECR_API, policy: EndpointPolicy.ecrPull(repositoryArns, options) },
      { service: AwsService.ECR_DKR, policy: EndpointPolicy.ecrPull(repositoryArns, options) },
      { service: AwsService.S3, endpointType: "Gateway", policy: EndpointPolicy.ecrImageLayers() },
      ...ServiceAccessPresets.cloudWatchLogs(logGroupArns, options),
    ];
  }

  /** Encryption and decryption with the listed KMS keys only. */
  public static kms(keyArns: readonly string[], options: EndpointPolicyPrincipals & { readonly readOnly?: boolean } = {}): ServiceAccess[] {
    return [{ service: AwsService.KMS, policy: EndpointPolicy.kmsKeys(keyArns, options) }];
  }
}

export interface PrivateAwsServiceAccessProps extends NetworkEndpointProps {
  /** The services, for example `[...ServiceAccessPresets.ecrPull(...), ...ServiceAccessPresets.kms(...)]`. Each at most once. */
  readonly services: readonly ServiceAccess[];
  /**
   * Region of the endpoints, for the service names.
   * @default - the literal region of the provider
   */
  readonly region?: string;
  /**
   * Place each interface endpoint only in the AZs its service supports.
   * @default false
   */
  readonly onlySupportedAvailabilityZones?: boolean;
}

/**
 * Private access from one VPC to a set of AWS services: gateway endpoints
 * for S3 and DynamoDB, interface endpoints for the rest, all interface
 * endpoints sharing one security group that opens only the services' ports
 * to the VPC. Endpoints are keyed by service name, so adding a service never
 * replaces another one.
 *
 * Creates: aws_vpc_endpoint (one per service), aws_security_group and
 * aws_vpc_security_group_ingress_rule (when there are interface endpoints
 * and no security groups are given).
 */
export class PrivateAwsServiceAccess extends Construct {
  /** The shared group; undefined when `securityGroups` were given or every endpoint is a gateway. */
  public readonly securityGroup?: SecurityGroup;
  /** Interface endpoints by service short name (e.g. `ecr.dkr`). */
  public readonly interfaceEndpoints: Readonly<Record<string, InterfaceEndpoint>>;
  /** Gateway endpoints by service short name (`s3`, `dynamodb`). */
  public readonly gatewayEndpoints: Readonly<Record<string, GatewayEndpoint>>;

  constructor(scope: Construct, id: string, props: PrivateAwsServiceAccessProps) {
    super(scope, id);
    checkItemCount(this, "services", props.services, 1);
    const seen = new Set<string>();
    for (const access of props.services) {
      if (seen.has(access.service.shortName)) {
        throw new ValidationError(
          this,
          "services",
          access.service.shortName,
          "each service once per VPC (a second endpoint for one service competes for its DNS name or routes; for an S3 gateway plus interface endpoint use S3HybridAccess)",
        );
      }
      seen.add(access.service.shortName);
    }
    if (seen.has("ecr.dkr") && !seen.has("ecr.api")) {
      throw new ValidationError(this, "services", "ecr.dkr without ecr.api", "ecr.api next to ecr.dkr: a pull takes its token and the image manifest from ecr.api (ServiceAccessPresets.ecrPull has both)");
    }
    if (seen.has("ecr.dkr") && !props.services.some((a) => a.service.shortName === "s3" && a.endpointType === "Gateway")) {
      Annotations.of(this).addWarning(
        "ecr.dkr without an S3 gateway endpoint: ECR serves image layers from S3 (prod-<region>-starport-layer-bucket), so pulls fail unless the VPC has another way to S3. Add { service: AwsService.S3, endpointType: \"Gateway\", policy: EndpointPolicy.ecrImageLayers() }.",
      );
    }
    const region = resolveRegion(this, props.region, providerOf(props, props.vpc));
    const interfaces = props.services.filter((a) => (a.endpointType ?? "Interface") === "Interface");
    this.securityGroup = interfaces.length > 0 && props.securityGroups === undefined ? this.sharedSecurityGroup(props, interfaces) : undefined;
    const securityGroups = props.securityGroups ?? (this.securityGroup === undefined ? undefined : [this.securityGroup]);

    const { services, ...networkProps } = props;
    const gateways: Record<string, GatewayEndpoint> = {};
    const endpoints: Record<string, InterfaceEndpoint> = {};
    for (const access of services) {
      const key = stableId(access.service.shortName);
      if (access.endpointType === "Gateway") {
        gateways[access.service.shortName] = new GatewayEndpoint(this, key, {
          vpc: props.vpc,
          service: access.service,
          policy: access.policy,
          subnets: props.subnets,
          region,
          provider: props.provider,
        });
      } else {
        endpoints[access.service.shortName] = new InterfaceEndpoint(this, key, {
          ...networkProps,
          allowedPeers: undefined,
          securityGroups,
          service: access.service,
          policy: access.policy,
          privateDnsEnabled: access.privateDnsEnabled,
          region,
        });
      }
    }
    this.gatewayEndpoints = gateways;
    this.interfaceEndpoints = endpoints;
  }

  private sharedSecurityGroup(props: PrivateAwsServiceAccessProps, interfaces: readonly ServiceAccess[]): SecurityGroup {
    // Not the list of services: AWS cannot change a group's description in place, so adding a service would replace the group.
    const group = new SecurityGroup(this, "SecurityGroup", {
      provider: providerOf(props, props.vpc),
      vpc: props.vpc,
      description: "Interface VPC endpoints to AWS services; each rule names its services",
    });
    const ports = [...new Set(interfaces.flatMap((a) => a.service.ports))].sort((a, b) => a - b);
    for (const port of ports) {
      // Rule descriptions change in place, so they can name the services.
      const services = interfaces.filter((a) => a.service.ports.includes(port)).map((a) => a.service.shortName);
      addEndpointIngressRules(group, props.allowedPeers ?? vpcClientPeers(props.vpc), [Port.tcp(port)], `AWS services (${services.join(", ")})`);
    }
    return group;
  }
}
