import { Rule } from "../rule";
import { EndpointServiceAcceptanceRequired } from "./es/EndpointServiceAcceptanceRequired";
import { EndpointServiceNoWildcardPrincipal } from "./es/EndpointServiceNoWildcardPrincipal";
import { LogGroupKmsEncrypted } from "./logs/LogGroupKmsEncrypted";
import { LoadBalancerAccessLogs } from "./lb/LoadBalancerAccessLogs";
import { LoadBalancerCrossZone } from "./lb/LoadBalancerCrossZone";
import { LoadBalancerDeletionProtection } from "./lb/LoadBalancerDeletionProtection";
import { LoadBalancerInternal } from "./lb/LoadBalancerInternal";
import { LoadBalancerMultipleZones } from "./lb/LoadBalancerMultipleZones";
import { RamShareExternalPrincipalsExplicit } from "./ram/RamShareExternalPrincipalsExplicit";
import { RamShareNoExternalPrincipals } from "./ram/RamShareNoExternalPrincipals";
import { ResourceConfigurationNotInShareableNetworks } from "./rc/ResourceConfigurationNotInShareableNetworks";
import { ResourceGatewaySecurityGroups } from "./rc/ResourceGatewaySecurityGroups";
import { ResourceNetworkWithoutAuthPolicy } from "./rc/ResourceNetworkWithoutAuthPolicy";
import { NoPublicEgress } from "./sg/NoPublicEgress";
import { NoPublicIngress } from "./sg/NoPublicIngress";
import { SecurityGroupDescription } from "./sg/SecurityGroupDescription";
import { SecurityGroupRuleDescription } from "./sg/SecurityGroupRuleDescription";
import { VpcDefaultSecurityGroupRestricted } from "./vpc/VpcDefaultSecurityGroupRestricted";
import { VpcFlowLogsEnabled } from "./vpc/VpcFlowLogsEnabled";
import { TransitGatewayInspectionApplianceMode } from "./vpc/TransitGatewayInspectionApplianceMode";
import { EndpointAdmitsNoClient } from "./ep/EndpointAdmitsNoClient";
import { InterfaceEndpointSecurityGroup } from "./ep/InterfaceEndpointSecurityGroup";
import { VpcEndpointPolicyDefined } from "./ep/VpcEndpointPolicyDefined";
import { VpcEndpointPolicyNotAllowAll } from "./ep/VpcEndpointPolicyNotAllowAll";
import { VpcEndpointTypeExplicit } from "./ep/VpcEndpointTypeExplicit";
import { LatticeAuthPolicyAttached } from "./lt/LatticeAuthPolicyAttached";
import { LatticeAuthPolicyKeysInRequest } from "./lt/LatticeAuthPolicyKeysInRequest";
import { LatticeAuthPolicyNoUnconditionalAnyone } from "./lt/LatticeAuthPolicyNoUnconditionalAnyone";
import { LatticeAuthTypeIam } from "./lt/LatticeAuthTypeIam";
import { LatticeTargetSecurityGroups } from "./lt/LatticeTargetSecurityGroups";
import { ServiceNetworkAccessLogs } from "./lt/ServiceNetworkAccessLogs";
import { ServiceNetworkVpcAssociationAdmitsNoClient } from "./lt/ServiceNetworkVpcAssociationAdmitsNoClient";
import { ServiceNetworkVpcAssociationSecurityGroups } from "./lt/ServiceNetworkVpcAssociationSecurityGroups";

export {
  LogGroupKmsEncrypted,
  EndpointAdmitsNoClient,
  EndpointServiceAcceptanceRequired,
  EndpointServiceNoWildcardPrincipal,
  InterfaceEndpointSecurityGroup,
  LatticeAuthPolicyAttached,
  LatticeAuthPolicyKeysInRequest,
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
  ResourceNetworkWithoutAuthPolicy,
  SecurityGroupDescription,
  SecurityGroupRuleDescription,
  ServiceNetworkAccessLogs,
  ServiceNetworkVpcAssociationAdmitsNoClient,
  ServiceNetworkVpcAssociationSecurityGroups,
  TransitGatewayInspectionApplianceMode,
  VpcDefaultSecurityGroupRestricted,
  VpcEndpointPolicyDefined,
  VpcEndpointPolicyNotAllowAll,
  VpcEndpointTypeExplicit,
  VpcFlowLogsEnabled,
};

/** Every rule of this library, in ID order. */
export const ALL_RULES: readonly Rule[] = [
  VpcEndpointTypeExplicit,
  VpcEndpointPolicyDefined,
  VpcEndpointPolicyNotAllowAll,
  InterfaceEndpointSecurityGroup,
  EndpointAdmitsNoClient,
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
  LatticeAuthPolicyKeysInRequest,
  ServiceNetworkVpcAssociationAdmitsNoClient,
  ResourceConfigurationNotInShareableNetworks,
  ResourceGatewaySecurityGroups,
  ResourceNetworkWithoutAuthPolicy,
  VpcDefaultSecurityGroupRestricted,
  VpcFlowLogsEnabled,
  TransitGatewayInspectionApplianceMode,
  LogGroupKmsEncrypted,
  RamShareExternalPrincipalsExplicit,
  RamShareNoExternalPrincipals,
];
