import { Rule } from "../rule";
import { EndpointServiceAcceptanceRequired } from "./endpoint-service/EndpointServiceAcceptanceRequired";
import { EndpointServiceNoWildcardPrincipal } from "./endpoint-service/EndpointServiceNoWildcardPrincipal";
import { LoadBalancerAccessLogs } from "./elbv2/LoadBalancerAccessLogs";
import { LoadBalancerCrossZone } from "./elbv2/LoadBalancerCrossZone";
import { LoadBalancerDeletionProtection } from "./elbv2/LoadBalancerDeletionProtection";
import { LoadBalancerInternal } from "./elbv2/LoadBalancerInternal";
import { LoadBalancerMultipleZones } from "./elbv2/LoadBalancerMultipleZones";
import { RamShareExternalPrincipalsExplicit } from "./ram/RamShareExternalPrincipalsExplicit";
import { RamShareNoExternalPrincipals } from "./ram/RamShareNoExternalPrincipals";
import { ResourceConfigurationNotInShareableNetworks } from "./resources/ResourceConfigurationNotInShareableNetworks";
import { ResourceGatewaySecurityGroups } from "./resources/ResourceGatewaySecurityGroups";
import { NoPublicEgress } from "./security-group/NoPublicEgress";
import { NoPublicIngress } from "./security-group/NoPublicIngress";
import { SecurityGroupDescription } from "./security-group/SecurityGroupDescription";
import { SecurityGroupRuleDescription } from "./security-group/SecurityGroupRuleDescription";
import { VpcDefaultSecurityGroupRestricted } from "./vpc/VpcDefaultSecurityGroupRestricted";
import { InterfaceEndpointSecurityGroup } from "./vpc-endpoint/InterfaceEndpointSecurityGroup";
import { VpcEndpointPolicyDefined } from "./vpc-endpoint/VpcEndpointPolicyDefined";
import { VpcEndpointPolicyNotAllowAll } from "./vpc-endpoint/VpcEndpointPolicyNotAllowAll";
import { VpcEndpointTypeExplicit } from "./vpc-endpoint/VpcEndpointTypeExplicit";
import { LatticeAuthPolicyAttached } from "./vpclattice/LatticeAuthPolicyAttached";
import { LatticeAuthPolicyNoUnconditionalAnyone } from "./vpclattice/LatticeAuthPolicyNoUnconditionalAnyone";
import { LatticeAuthTypeIam } from "./vpclattice/LatticeAuthTypeIam";
import { LatticeTargetSecurityGroups } from "./vpclattice/LatticeTargetSecurityGroups";
import { ServiceNetworkAccessLogs } from "./vpclattice/ServiceNetworkAccessLogs";
import { ServiceNetworkVpcAssociationSecurityGroups } from "./vpclattice/ServiceNetworkVpcAssociationSecurityGroups";

export {
  EndpointServiceAcceptanceRequired,
  EndpointServiceNoWildcardPrincipal,
  InterfaceEndpointSecurityGroup,
  LatticeAuthPolicyAttached,
  LatticeAuthPolicyNoUnconditionalAnyone,
  LatticeAuthTypeIam,
  LatticeTargetSecurityGroups,
  LoadBalancerAccessLogs,
  LoadBalancerCrossZone,
  LoadBalancerDeletionProtection,
  LoadBalancerInternal,
  LoadBalancerMultipleZones,
  NoPublicEgress,
  NoPublicIngress,
  RamShareExternalPrincipalsExplicit,
  RamShareNoExternalPrincipals,
  ResourceConfigurationNotInShareableNetworks,
  ResourceGatewaySecurityGroups,
  SecurityGroupDescription,
  SecurityGroupRuleDescription,
  ServiceNetworkAccessLogs,
  ServiceNetworkVpcAssociationSecurityGroups,
  VpcDefaultSecurityGroupRestricted,
  VpcEndpointPolicyDefined,
  VpcEndpointPolicyNotAllowAll,
  VpcEndpointTypeExplicit,
};

/** Every rule of this library, in ID order. */
export const ALL_RULES: readonly Rule[] = [
  VpcEndpointTypeExplicit,
  VpcEndpointPolicyDefined,
  VpcEndpointPolicyNotAllowAll,
  InterfaceEndpointSecurityGroup,
  EndpointServiceAcceptanceRequired,
  EndpointServiceNoWildcardPrincipal,
  SecurityGroupDescription,
  SecurityGroupRuleDescription,
  NoPublicIngress,
  NoPublicEgress,
  LoadBalancerAccessLogs,
  LoadBalancerDeletionProtection,
  LoadBalancerCrossZone,
  LoadBalancerInternal,
  LoadBalancerMultipleZones,
  LatticeAuthTypeIam,
  LatticeAuthPolicyAttached,
  LatticeAuthPolicyNoUnconditionalAnyone,
  ServiceNetworkAccessLogs,
  LatticeTargetSecurityGroups,
  ServiceNetworkVpcAssociationSecurityGroups,
  ResourceConfigurationNotInShareableNetworks,
  ResourceGatewaySecurityGroups,
  VpcDefaultSecurityGroupRestricted,
  RamShareExternalPrincipalsExplicit,
  RamShareNoExternalPrincipals,
];
