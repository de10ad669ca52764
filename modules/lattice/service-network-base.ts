import { TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { checkKnownProps, PortRange, stableId, ValidationError } from "../core";
import { IServiceNetworkEndpointTarget } from "../endpoints/targets";
import { AllowedCallers } from "./auth-policy";
import { ILatticeService, IResourceConfiguration, IServiceNetwork } from "./interfaces";
import {
  checkMemberPorts,
  RESOURCE_ASSOCIATION_OPTIONS,
  SERVICE_ASSOCIATION_OPTIONS,
  ServiceNetworkResourceAssociation,
  ServiceNetworkResourceAssociationProps,
  ServiceNetworkServiceAssociation,
  ServiceNetworkServiceAssociationProps,
  ServiceNetworkVpcAssociation,
  ServiceNetworkVpcAssociationOptions,
  VPC_ASSOCIATION_OPTIONS,
} from "./service-network-associations";

/** A service network with the associations it can make, created here or imported (shared with this account). */
export abstract class ServiceNetworkBase extends Construct implements IServiceNetwork, IServiceNetworkEndpointTarget {
  public abstract readonly serviceNetworkId: string;
  public abstract readonly serviceNetworkArn: string;
  public abstract readonly provider?: TerraformProvider;

  /** Whether the network lets anonymous callers in; undefined when synth cannot tell (an imported network). @internal */
  public admitsAnonymousCallers(): boolean | undefined {
    return undefined;
  }

  /** Who the network's auth policy can let in; undefined when synth cannot tell (an imported network, authType NONE). @internal */
  public allowedCallers(): readonly AllowedCallers[] | undefined {
    return undefined;
  }

  /** The members' ports (services' listeners, resource configurations' ranges) an endpoint's own group must open. @internal */
  public checkClientPorts(endpoint: IConstruct, ports: readonly PortRange[], defaulted: boolean): void {
    checkMemberPorts(endpoint, this, ports, defaulted, "endpoint");
  }

  /** Associates a VPC; `name` keys its Terraform address. */
  public associateVpc(name: string, options: ServiceNetworkVpcAssociationOptions): ServiceNetworkVpcAssociation {
    // Checked here, not only by the association: the network given to it would hide an option named serviceNetwork.
    checkKnownProps(this, options, VPC_ASSOCIATION_OPTIONS);
    return new ServiceNetworkVpcAssociation(this, this.childId("associateVpc", "Vpc", name), { ...options, serviceNetwork: this });
  }

  /** Adds a service; `name` keys its Terraform address. */
  public associateService(
    name: string,
    service: ILatticeService,
    options: Omit<ServiceNetworkServiceAssociationProps, "serviceNetwork" | "service"> = {},
  ): ServiceNetworkServiceAssociation {
    checkKnownProps(this, options, SERVICE_ASSOCIATION_OPTIONS);
    return new ServiceNetworkServiceAssociation(this, this.childId("associateService", "Service", name), {
      ...options,
      serviceNetwork: this,
      service,
    });
  }

  /** Adds a resource configuration; `name` keys its Terraform address. */
  public associateResourceConfiguration(
    name: string,
    resourceConfiguration: IResourceConfiguration,
    options: Omit<ServiceNetworkResourceAssociationProps, "serviceNetwork" | "resourceConfiguration"> = {},
  ): ServiceNetworkResourceAssociation {
    checkKnownProps(this, options, RESOURCE_ASSOCIATION_OPTIONS);
    return new ServiceNetworkResourceAssociation(this, this.childId("associateResourceConfiguration", "Resource", name), {
      ...options,
      serviceNetwork: this,
      resourceConfiguration,
    });
  }

  /** The association's construct ID (its Terraform address): names are unique per kind, as their addresses are. */
  private childId(method: string, kind: string, name: string): string {
    // An empty name would key every association of the kind as `<kind>-`: the name is what tells their addresses apart.
    const id = typeof name === "string" && name.trim() !== "" ? `${kind}-${stableId(name)}` : undefined;
    if (id === undefined || this.node.tryFindChild(id) !== undefined) {
      throw new ValidationError(
        this,
        `${method}.name`,
        name,
        `a non-empty name no other ${kind.toLowerCase()} association of the network uses (it keys the Terraform address)`,
      );
    }
    return id;
  }
}
