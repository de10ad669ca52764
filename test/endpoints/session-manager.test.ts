import { TerraformStack } from "cdktf";
import { AwsService, EndpointPolicy, InterfaceEndpoint, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { SecurityGroup } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { ORG, testVpc } from "./helpers";

const LOG_GROUP = "arn:aws:logs:us-east-1:111111111111:log-group:/ssm/sessions";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ROLE = "arn:aws:iam::111111111111:role/app-instances";

function access(services: ReturnType<typeof ServiceAccessPresets.sessionManager>) {
  const stack = stackWithProvider();
  const vpc = testVpc(stack);
  const endpoints = new PrivateAwsServiceAccess(stack, "Ssm", { vpc, services });
  return { stack, vpc, endpoints };
}

/** Each endpoint's service name (its last label) and the actions and resources of its policy, by Sid. */
function policies(stack: TerraformStack): Record<string, Record<string, { actions: string[]; resources: unknown }>> {
  const endpoints = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_endpoint")) as Json[];
  return Object.fromEntries(
    endpoints.map((e) => [
      String(e.service_name).replace("com.amazonaws.us-east-1.", ""),
      Object.fromEntries(
        (JSON.parse(e.policy).Statement as Json[]).map((s) => [s.Sid, { actions: [s.Action].flat(), resources: s.Resource, condition: s.Condition }]),
      ),
    ]),
  );
}

describe("ServiceAccessPresets.sessionManager", () => {
  test("creates the ssm, ssmmessages and ec2messages endpoints, each with what Session Manager sends through it, for the organization only", () => {
    const { stack } = access(ServiceAccessPresets.sessionManager({ organizationId: ORG }));
    const byService = policies(stack);
    expect(Object.keys(byService).sort()).toEqual(["ec2messages", "ssm", "ssmmessages"]);
    expect(Object.keys(byService.ssm)).toEqual(["ManagedNodeAgent", "Sessions"]);
    expect(byService.ssm.ManagedNodeAgent.actions).toContain("ssm:UpdateInstanceInformation");
    expect(byService.ssm.Sessions.actions).toEqual([
      "ssm:StartSession",
      "ssm:ResumeSession",
      "ssm:TerminateSession",
      "ssm:DescribeSessions",
      "ssm:GetConnectionStatus",
    ]);
    expect(byService.ssmmessages.SessionChannels.actions).toEqual([
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]);
    expect(Object.keys(byService.ec2messages)).toEqual(["AgentMessages"]);
    // Each endpoint's actions are its own service's only, and every statement is the organization's.
    for (const [service, statements] of Object.entries(byService))
      for (const statement of Object.values(statements)) {
        expect(statement.actions.every((a) => a.startsWith(`${service}:`))).toBe(true);
        expect(statement).toMatchObject({ condition: { StringEquals: { "aws:PrincipalOrgID": ORG } } });
      }
  });

  test("ec2Messages: false leaves the ec2messages endpoint out (SSM Agent 3.3.40.0 and later use ssmmessages)", () => {
    const { stack } = access(ServiceAccessPresets.sessionManager({ organizationId: ORG, ec2Messages: false }));
    expect(Object.keys(policies(stack)).sort()).toEqual(["ssm", "ssmmessages"]);
  });

  test("session logging and encryption add the logs and kms endpoints, whose policies name the log groups and keys only", () => {
    const { stack } = access(ServiceAccessPresets.sessionManager({ logGroupArns: [`${LOG_GROUP}:*`], encryptionKeyArns: [KEY] }));
    const byService = policies(stack);
    expect(Object.keys(byService).sort()).toEqual(["ec2messages", "kms", "logs", "ssm", "ssmmessages"]);
    expect(byService.logs).toEqual({
      WriteSessionLogs: {
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        resources: [LOG_GROUP, `${LOG_GROUP}:log-stream:*`],
        condition: undefined,
      },
      SessionLogGroupEncryption: { actions: ["logs:DescribeLogGroups"], resources: "*", condition: undefined },
    });
    expect(byService.kms).toEqual({ SessionEncryption: { actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: KEY, condition: undefined } });
  });

  test("the instances' group reaches every Session Manager endpoint on 443, and the flow proves the agent's call through the policy", () => {
    const { stack, vpc, endpoints } = access(ServiceAccessPresets.sessionManager({ organizationId: ORG }));
    const instances = new SecurityGroup(stack, "Instances", { vpc, description: "Managed instances" });
    endpoints.connections.allowDefaultPortFrom(instances, "Managed instances reach Session Manager");
    const caller = { arn: ROLE, organizationId: ORG };
    for (const [service, action] of [
      ["ssm", "ssm:UpdateInstanceInformation"],
      ["ssmmessages", "ssmmessages:OpenDataChannel"],
      ["ec2messages", "ec2messages:GetMessages"],
    ] as const)
      expectFlow(
        stack,
        { securityGroup: instances, principal: caller },
        { target: endpoints.interfaceEndpoints[service], port: 443, request: { action } },
      ).toBeAllowed();
    // Through the ssm endpoint, only what Session Manager needs: Parameter Store writes are the policy's to deny.
    expectFlow(
      stack,
      { securityGroup: instances, principal: caller },
      { target: endpoints.interfaceEndpoints.ssm, port: 443, request: { action: "ssm:PutParameter" } },
    ).toBeDenied("endpoint policy");
    // A role of another organization's account is not let through, whatever it calls.
    expectFlow(
      stack,
      { securityGroup: instances, principal: { arn: "arn:aws:iam::222222222222:role/x" } },
      { target: endpoints.interfaceEndpoints.ssm, port: 443, request: { action: "ssm:UpdateInstanceInformation" } },
    ).toBeDenied("aws:PrincipalOrgID");
  });

  describe("fails when", () => {
    test("ec2Messages is not a boolean (a JavaScript caller's string), or an option is misspelled", () => {
      expectValidationError(() => ServiceAccessPresets.sessionManager({ ec2Messages: "no" as never }), "options.ec2Messages", "no");
      const misspelled = expectValidationError(
        () => ServiceAccessPresets.sessionManager({ encryptionKeyArn: [KEY] } as never),
        "options.encryptionKeyArn",
        KEY,
      );
      expect(misspelled.expected).toContain("did you mean encryptionKeyArns?");
      expect(ServiceAccessPresets.sessionManager({ ec2Messages: true })).toHaveLength(3);
    });

    test("EndpointPolicy.sessionManager is on a logs or kms endpoint without the sessions' log groups or keys", () => {
      const stack = stackWithProvider();
      const vpc = testVpc(stack);
      const logs = expectValidationError(
        () => new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.sessionManager({ organizationId: ORG }) }),
        "policy.logGroupArns",
        "undefined",
      );
      expect(logs.expected).toContain("the log groups sessions are logged to");
      expectValidationError(
        () => new InterfaceEndpoint(stack, "Kms", { vpc, service: AwsService.KMS, policy: EndpointPolicy.sessionManager({ organizationId: ORG }) }),
        "policy.keyArns",
        "undefined",
      );
      new InterfaceEndpoint(stack, "KmsWithKey", { vpc, service: AwsService.KMS, policy: EndpointPolicy.sessionManager({ keyArns: [KEY] }) });
    });

    test("EndpointPolicy.sessionManager is on an endpoint of another service, where it would deny every request", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () =>
          new InterfaceEndpoint(stack, "Sts", {
            vpc: testVpc(stack),
            service: AwsService.STS,
            policy: EndpointPolicy.sessionManager({ organizationId: ORG }),
          }),
        "policy",
        "EndpointPolicy.sessionManager",
      );
    });
  });
});

describe("InterfaceEndpoint given a service name (a JavaScript caller's string)", () => {
  const build = (service: string) => {
    const stack = stackWithProvider();
    return new InterfaceEndpoint(stack, "Endpoint", { vpc: testVpc(stack), service: service as never, policy: EndpointPolicy.organizationOnly(ORG) });
  };

  test("fails naming the AwsService to pass: the constant, AwsService.of, or AwsService.fromName for untyped input", () => {
    expect(expectValidationError(() => build("ssm"), "service", "ssm").expected).toBe(
      'an AwsService, not its name: AwsService.SSM (or AwsService.of("ssm")), or AwsService.fromName(scope, "service", name) for a name from untyped input',
    );
    expect(expectValidationError(() => build("com.amazonaws.us-east-1.ssmmessages"), "service", "ssmmessages").expected).toContain(
      "AwsService.SSM_MESSAGES",
    );
    expect(expectValidationError(() => build("bedrock-runtime"), "service", "bedrock-runtime").expected).toContain(
      'AwsService.of("bedrock-runtime")',
    );
    expect(expectValidationError(() => build("com.amazonaws.us-east-1.nonesuch"), "service", "nonesuch").expected).toContain(
      'AwsService.custom("com.amazonaws.us-east-1.nonesuch")',
    );
    expect(expectValidationError(() => build("SSM"), "service", "SSM").expected).toContain('(did you mean AwsService.of("ssm")?)');
  });

  test("fails naming the importer for a PrivateLink service's name", () => {
    const name = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
    expect(expectValidationError(() => build(name), "service", name).expected).toContain("EndpointService.fromEndpointServiceAttributes");
  });

  test("the AwsService it names passes", () => {
    const stack = stackWithProvider();
    const endpoint = new InterfaceEndpoint(stack, "Endpoint", {
      vpc: testVpc(stack),
      service: AwsService.SSM,
      policy: EndpointPolicy.organizationOnly(ORG),
    });
    expect(endpoint.serviceName).toBe("com.amazonaws.us-east-1.ssm");
    new InterfaceEndpoint(stack, "Named", {
      vpc: testVpc(stack, undefined, "Other", "10.1.0.0/16"),
      service: AwsService.fromName(stack, "service", "ssm"),
      policy: EndpointPolicy.organizationOnly(ORG),
    });
  });
});
