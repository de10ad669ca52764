import { ExampleStackDefinition } from "../example-stack";
import { dep3ServiceNetworkBoundary } from "./dep3-service-network-boundary";
import { sn1EksMicroservices } from "./sn1-eks-microservices";
import { sn2CrossAccountMesh } from "./sn2-cross-account-mesh";
import { sn2MeshMember, sn2MeshOwner } from "./sn2-split-mesh";
import { sn3MultiTierApp } from "./sn3-multi-tier-app";
import { sn4SharedDevEnvironment } from "./sn4-shared-dev-environment";
import { sn5DepartmentDataSharing } from "./sn5-department-data-sharing";

/** VPC Lattice service networks, services and target groups (SN, LS, TG, DEP-3, DEP-4). */
export const latticeStacks: readonly ExampleStackDefinition[] = [
  // Service networks (SN, DEP-3)
  sn1EksMicroservices,
  sn2CrossAccountMesh,
  sn2MeshOwner,
  sn2MeshMember,
  sn3MultiTierApp,
  sn4SharedDevEnvironment,
  sn5DepartmentDataSharing,
  dep3ServiceNetworkBoundary,
  // Services and target groups (LS, TG, DEP-4)
];
