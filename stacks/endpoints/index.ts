import { ExampleStackDefinition } from "../example-stack";
import { dep1ServiceAndEndpointService } from "./dep1-service-and-endpoint-service";
import { ep1PrivateS3 } from "./ep1-private-s3";
import { ep1S3HybridExistingVpc } from "./ep1-s3-hybrid-existing-vpc";
import { ep2PrivateDynamoDb } from "./ep2-private-dynamodb";
import { ep3CentralizedEndpoints } from "./ep3-centralized-endpoints";
import { ep3PrivateLogs } from "./ep3-private-logs";
import { ep4PrivateEcr } from "./ep4-private-ecr";
import { ep5PrivateKms } from "./ep5-private-kms";

/** VPC endpoints to AWS services (EP, DEP-1). */
export const endpointStacks: readonly ExampleStackDefinition[] = [
  ep1PrivateS3,
  ep1S3HybridExistingVpc,
  ep2PrivateDynamoDb,
  ep3PrivateLogs,
  ep3CentralizedEndpoints,
  ep4PrivateEcr,
  ep5PrivateKms,
  dep1ServiceAndEndpointService,
];
