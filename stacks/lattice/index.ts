import { ExampleStackDefinition } from "../example-stack";
import { dep3ServiceNetworkBoundary } from "./dep3-service-network-boundary";
import { sn1EksMicroservices } from "./sn1-eks-microservices";
import { sn2CrossAccountMesh } from "./sn2-cross-account-mesh";
import { sn2MeshMember, sn2MeshOwner } from "./sn2-split-mesh";
import { sn3MultiTierApp } from "./sn3-multi-tier-app";
import { sn4SharedDevEnvironment } from "./sn4-shared-dev-environment";
import { sn5DepartmentDataSharing } from "./sn5-department-data-sharing";

// Services and target groups (LS, TG, DEP-4)
import { dep4ServiceRouting } from "./dep4-service-routing";
import { ls1BlueGreen } from "./ls1-blue-green";
import { ls2AbTesting } from "./ls2-ab-testing";
import { ls3ContentRouting } from "./ls3-content-routing";
import { ls4IamAuth } from "./ls4-iam-auth";
import { ls5LambdaFunctions } from "./ls5-lambda-functions";
import { tg1Ec2Instances } from "./tg1-ec2-instances";
import { tg2IpAddresses } from "./tg2-ip-addresses";
import { tg3LambdaFunction } from "./tg3-lambda-function";
import { tg4InternalAlb } from "./tg4-internal-alb";
import { tg5EksPods } from "./tg5-eks-pods";

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
  ls1BlueGreen,
  ls2AbTesting,
  ls3ContentRouting,
  ls4IamAuth,
  ls5LambdaFunctions,
  tg1Ec2Instances,
  tg2IpAddresses,
  tg3LambdaFunction,
  tg4InternalAlb,
  tg5EksPods,
  dep4ServiceRouting,
];
