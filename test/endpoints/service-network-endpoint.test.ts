import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { onlyResource, stackWithProvider, synthJson } from "../helpers";
import { ingressPortRanges, testVpc } from "./helpers";

const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";

describe("ServiceNetworkEndpoint", () => {
  test("a ServiceNetwork endpoint to the network, HTTPS only by default", () => {
    const stack = stackWithProvider();
    new ServiceNetworkEndpoint(stack, "Mesh", { vpc: testVpc(stack), serviceNetwork: { serviceNetworkArn: NETWORK_ARN } });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_vpc_endpoint")).toMatchObject({ vpc_endpoint_type: "ServiceNetwork", service_network_arn: NETWORK_ARN, private_dns_enabled: false });
    expect(ingressPortRanges(json)).toEqual([[443, 443]]);
  });

  test("ports and private DNS as asked", () => {
    const stack = stackWithProvider();
    new ServiceNetworkEndpoint(stack, "Mesh", { vpc: testVpc(stack), serviceNetwork: { serviceNetworkArn: NETWORK_ARN }, ports: [{ from: 80, to: 80 }, { from: 443, to: 443 }], privateDnsEnabled: true });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_vpc_endpoint").private_dns_enabled).toBe(true);
    expect(ingressPortRanges(json).sort((a, b) => a[0] - b[0])).toEqual([[80, 80], [443, 443]]);
  });
});
