import { ExampleStackDefinition } from "../example-stack";
import { dep6AccessPaths } from "./dep6-access-paths";
import { rc1SharedRds } from "./rc1-shared-rds";
import { rc1SharedRdsOwner, rc1SharedRdsPartner } from "./rc1-shared-rds-split";
import { rc2MonitoringIp } from "./rc2-monitoring-ip";
import { rc3InternalDomain } from "./rc3-internal-domain";
import { rc4DnsGroup } from "./rc4-dns-group";
import { rc5Ec2PortRange } from "./rc5-ec2-port-range";
import { rg5VpcIngress } from "./rg5-vpc-ingress";

/** Resource gateways and resource configurations (RC, RG, DEP-5, DEP-6, and DEP-3's resource side). */
export const resourceStacks: readonly ExampleStackDefinition[] = [
  rc1SharedRds,
  rc1SharedRdsOwner,
  rc1SharedRdsPartner,
  rc2MonitoringIp,
  rc3InternalDomain,
  rc4DnsGroup,
  rc5Ec2PortRange,
  rg5VpcIngress,
  dep6AccessPaths,
];
