import { ExampleStackDefinition } from "../example-stack";
import { dep2GwlbInspection } from "./dep2-gwlb-inspection";
import { es1InternalApi } from "./es1-internal-api";
import { es2SaasPrivateDns } from "./es2-saas-private-dns";
import { es3PartnerConsumer, es3PartnerProvider } from "./es3-partner-access";
import { es4CentralLogging } from "./es4-central-logging";
import { es5AnalyticsPlatform } from "./es5-analytics-platform";

/** PrivateLink endpoint services and consumers (ES, DEP-2), and Gateway Load Balancer inspection (DEP-2, DEP-1). */
export const privateLinkStacks: readonly ExampleStackDefinition[] = [
  es1InternalApi,
  es2SaasPrivateDns,
  es3PartnerProvider,
  es3PartnerConsumer,
  es4CentralLogging,
  es5AnalyticsPlatform,
  dep2GwlbInspection,
];
