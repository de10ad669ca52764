import { InterfaceEndpoint } from "../../modules/endpoints";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EndpointConnectionAccepter, EndpointService, EndpointServicePrincipal } from "../../modules/privatelink";
import { expectValidationError, onlyResource, stackWithoutProvider } from "../helpers";
import { vpcClientPeers } from "../../modules/vpc";
import { nlbOptions, providerVpc, serviceStack } from "./helpers";

describe("EndpointConnectionAccepter", () => {
  test("accepts a known endpoint with the service owner's provider", () => {
    const stack = stackWithoutProvider();
    const owner = new AwsProvider(stack, "owner", { alias: "owner", region: "us-east-1" });
    const vpc = providerVpc(stack);
    // The consumer is in another configuration: the load balancer names its clients.
    const service = new EndpointService(stack, "Service", {
      provider: owner,
      networkLoadBalancer: nlbOptions(vpc, { clients: vpcClientPeers(vpc) }),
    });
    new EndpointConnectionAccepter(stack, "Accept", { service, endpoint: { vpcEndpointId: "vpce-0123456789abcdef0" } });
    expect(onlyResource(stack, "aws_vpc_endpoint_connection_accepter")).toEqual({
      provider: "aws.owner",
      vpc_endpoint_id: "vpce-0123456789abcdef0",
      vpc_endpoint_service_id: expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Service_\w+\.id\}$/),
    });
    expect(onlyResource(stack, "aws_lb").provider).toBe("aws.owner");
  });

  test("fails when the endpoint's connection is accepted already (by an accepter or an acceptEndpoints list): destroying either would reject it", () => {
    const { stack, service } = serviceStack({ allowedPrincipals: [EndpointServicePrincipal.account("222222222222")] });
    const endpoint = { vpcEndpointId: "vpce-0123456789abcdef0" };
    new EndpointConnectionAccepter(stack, "Accept", { service, endpoint });
    const error = expectValidationError(
      () => new EndpointConnectionAccepter(stack, "AcceptAgain", { service, endpoint }),
      "endpoint.vpcEndpointId",
      '"vpce-0123456789abcdef0"',
    );
    expect(error.message).toContain("test/Accept accepts");
    expectValidationError(
      () => service.acceptEndpoints("partners", ["vpce-0123456789abcdef0"]),
      'acceptEndpoints("partners")[0]',
      '"vpce-0123456789abcdef0"',
    );
  });

  test("fails when an endpoint made in this configuration is accepted twice (each read of its ID is a new token, the reference is the same)", () => {
    const { stack, service } = serviceStack({ allowedPrincipals: [EndpointServicePrincipal.account("222222222222")] });
    const endpoint = new InterfaceEndpoint(stack, "Consumer", { vpc: providerVpc(stack, "ConsumerVpc"), service, privateDnsEnabled: false });
    new EndpointConnectionAccepter(stack, "Accept", { service, endpoint });
    const error = expectValidationError(
      () => new EndpointConnectionAccepter(stack, "AcceptAgain", { service, endpoint }),
      "endpoint.vpcEndpointId",
      "reference known at apply",
    );
    expect(error.message).toContain("test/Accept accepts");
  });

  test("fails when the service does not require acceptance", () => {
    const { stack, service } = serviceStack({ acceptanceRequired: false, allowedPrincipals: [EndpointServicePrincipal.account("222222222222")] });
    expectValidationError(
      () => new EndpointConnectionAccepter(stack, "Accept", { service, endpoint: { vpcEndpointId: "vpce-0123456789abcdef0" } }),
      "service.acceptanceRequired",
      "false",
    );
  });
});
