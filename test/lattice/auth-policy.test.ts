import { TerraformOutput, Testing } from "cdktf";
import { expectFlow } from "../../modules/flows";
import { SecurityGroup, Vpc } from "../../modules/vpc";
import { SharePrincipal } from "../../modules/ram";
import {
  AuthPolicy,
  AuthPolicyGrant,
  LatticeAuthAction,
  LatticeAuthPolicy,
  LatticeHttpMethod,
  LatticeListenerAction,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  latticeInvokePolicy,
  ServiceNetwork,
} from "../../modules/lattice";
import { expectValidationError, resourcesOfType, stackWithProvider } from "../helpers";
import { fakeService, SERVICE_ARN } from "./helpers";

const NETWORK = {
  serviceNetworkId: "sn-0123456789abcdef0",
  serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
};

/** Renders a policy through the construct and returns the parsed JSON of the synthesized resource. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function synthPolicy(policy: AuthPolicy): any {
  const stack = stackWithProvider();
  new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy });
  const [resource] = Object.values(resourcesOfType(stack, "aws_vpclattice_auth_policy"));
  expect(resource.resource_identifier).toBe(NETWORK.serviceNetworkArn);
  return JSON.parse(resource.policy);
}

describe("AuthPolicy", () => {
  test("accounts become AWS principals with no anonymous condition", () => {
    const json = synthPolicy(new AuthPolicy().allow({ sid: "Consumers", accounts: ["222222222222", "333333333333"] }));
    expect(json).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "Consumers", Effect: "Allow", Principal: { AWS: ["222222222222", "333333333333"] }, Action: "vpc-lattice-svcs:Invoke", Resource: "*" },
      ],
    });
  });

  test("an organization grant uses Principal * with the org condition and excludes anonymous callers", () => {
    const json = synthPolicy(new AuthPolicy().allow({ organizationId: "o-abcdefghij" }));
    expect(json.Statement[0]).toEqual({
      Effect: "Allow",
      Principal: "*",
      Action: "vpc-lattice-svcs:Invoke",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" },
        StringNotEqualsIgnoreCase: { "aws:PrincipalType": "Anonymous" },
      },
    });
  });

  test("roles, methods, paths and services narrow one statement", () => {
    const role = "arn:aws:iam::222222222222:role/orders-reader";
    const json = synthPolicy(new AuthPolicy().allow({ roles: [role], methods: ["GET", "HEAD"], paths: ["/orders/*"], services: [fakeService()] }));
    expect(json.Statement[0]).toEqual({
      Effect: "Allow",
      Principal: { AWS: role },
      Action: "vpc-lattice-svcs:Invoke",
      Resource: `${SERVICE_ARN}/*`,
      Condition: {
        StringEquals: { "vpc-lattice-svcs:RequestMethod": ["GET", "HEAD"] },
        StringLike: { "vpc-lattice-svcs:RequestPath": "/orders/*" },
      },
    });
  });

  test("source VPCs render as Terraform references inside jsonencode (cdktf's HCL output does not escape quoted references)", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "v", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"] });
    const auth = new LatticeAuthPolicy(stack, "Auth", {
      target: NETWORK,
      policy: new AuthPolicy().allow({ sourceVpcs: [vpc], sourceVpcOwnerAccounts: ["111111111111"], allowAnonymous: true }),
    });
    const [resource] = Object.values(resourcesOfType(stack, "aws_vpclattice_auth_policy"));
    expect(resource.policy).toMatch(/^\$\{jsonencode\(\{.*"vpc-lattice-svcs:SourceVpc" = aws_vpc\.[\w-]+\.id.*\}\)\}$/s);
    const statement = JSON.parse(auth.policyJson).Statement[0];
    expect(statement.Principal).toBe("*");
    expect(Object.keys(statement.Condition)).toEqual(["StringEquals"]);
    expect(statement.Condition.StringEquals["vpc-lattice-svcs:SourceVpcOwnerAccount"]).toBe("111111111111");
  });

  test("deny grants render as Deny without the anonymous condition", () => {
    const json = synthPolicy(new AuthPolicy().allow({ accounts: ["222222222222"] }).deny({ methods: ["DELETE"], actions: ["vpc-lattice-svcs:*"] }));
    expect(json.Statement[1]).toEqual({
      Effect: "Deny",
      Principal: "*",
      Action: "vpc-lattice-svcs:*",
      Resource: "*",
      Condition: { StringEquals: { "vpc-lattice-svcs:RequestMethod": "DELETE" } },
    });
  });

  test("fromSharePrincipals allows the shared accounts, OUs and organizations", () => {
    const policy = AuthPolicy.fromSharePrincipals([
      SharePrincipal.account("222222222222"),
      SharePrincipal.organizationalUnit("arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34"),
      SharePrincipal.organization("arn:aws:organizations::111111111111:organization/o-abcdefghij"),
    ]);
    const json = synthPolicy(policy);
    expect(json.Statement).toEqual([
      expect.objectContaining({ Sid: "SharedAccounts", Principal: { AWS: "222222222222" } }),
      expect.objectContaining({
        Sid: "SharedOrganizationalUnits",
        Principal: "*",
        Condition: expect.objectContaining({ "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-abcdefghij/*/ou-ab12-cdefgh34/*" } }),
      }),
      expect.objectContaining({ Principal: "*", Condition: expect.objectContaining({ StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } }) }),
    ]);
  });

  test("fails when an allow grant names nobody (Principal * without a narrowing condition)", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ methods: ["GET"] }) }),
      "authPolicy.statements[0]",
      "a grant to every principal",
    );
    expect(error.expected).toContain("Principal");
  });

  test.each([
    ["paths", { accounts: ["222222222222"], paths: [] }, "allow"],
    ["methods", { accounts: ["222222222222"], methods: [] }, "allow"],
    ["services", { accounts: ["222222222222"], services: [] }, "allow"],
    ["actions", { accounts: ["222222222222"], actions: [] }, "allow"],
    ["sourceVpcs", { accounts: ["222222222222"], sourceVpcs: [] }, "allow"],
    ["paths", { organizationId: "o-abcdefghij", paths: [] }, "deny"],
    ["accounts", { accounts: [], organizationId: "o-abcdefghij" }, "deny"],
  ] as const)("fails when a grant's %s is an empty list (the condition would be dropped, widening the grant)", (list, grant, effect) => {
    const stack = stackWithProvider();
    const policy = new AuthPolicy().allow({ accounts: ["222222222222"] });
    if (effect === "deny") policy.deny(grant);
    const index = effect === "deny" ? 1 : 0;
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: effect === "deny" ? policy : new AuthPolicy().allow(grant) }),
      `authPolicy.statements[${index}].${list}`,
      "[]",
    );
  });

  test.each(["vpc-lattice:Invoke", "execute-api:Invoke", "*"])(
    "fails when a grant's action is %s (not an action VPC Lattice evaluates)",
    (action) => {
      const stack = stackWithProvider();
      const grant = { accounts: ["222222222222"], actions: ["vpc-lattice-svcs:Invoke", action] as LatticeAuthAction[] };
      expectValidationError(
        () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow(grant) }),
        "authPolicy.statements[0].actions[1]",
        action,
      );
    },
  );

  test.each([
    ["methods", { methods: ["GET"] as LatticeHttpMethod[] }],
    ["paths", { paths: ["/orders/*"] }],
  ])("fails when a Connect grant has %s (a TCP connection has neither)", (_field, narrowing) => {
    const stack = stackWithProvider();
    const grant = { accounts: ["222222222222"], actions: ["vpc-lattice-svcs:Connect" as const], ...narrowing };
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().deny(grant).allow({ accounts: ["222222222222"] }) }),
      "authPolicy.statements[0].actions[0]",
      "vpc-lattice-svcs:Connect",
    );
  });

  test("a Connect grant without HTTP conditions and an Invoke grant with them render", () => {
    const json = synthPolicy(
      new AuthPolicy()
        .allow({ accounts: ["222222222222"], actions: ["vpc-lattice-svcs:Connect"] })
        .allow({ accounts: ["333333333333"], actions: ["vpc-lattice-svcs:*"], methods: ["GET"] }),
    );
    expect(json.Statement.map((s: { Action: string }) => s.Action)).toEqual(["vpc-lattice-svcs:Connect", "vpc-lattice-svcs:*"]);
  });

  // Service Authorization Reference, resource types of vpc-lattice-svcs: Invoke's Service is service/<id>/<request path>,
  // Connect's TCP Service is service/<id>, which <ARN>/* never matches.
  describe("a grant narrowed to services names each service as its actions do", () => {
    const other = "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0fedcba9876543210";
    const resourceOf = (actions?: LatticeAuthAction[]) =>
      synthPolicy(new AuthPolicy().allow({ accounts: ["222222222222"], services: [fakeService(), fakeService(other)], actions })).Statement[0]
        .Resource;

    test("Invoke (the default): every path of each service", () => {
      expect(resourceOf()).toEqual([`${SERVICE_ARN}/*`, `${other}/*`]);
      expect(resourceOf(["vpc-lattice-svcs:Invoke"])).toEqual([`${SERVICE_ARN}/*`, `${other}/*`]);
    });

    test("Connect: each service's ARN itself (before, <ARN>/* let no connection in)", () => {
      expect(resourceOf(["vpc-lattice-svcs:Connect"])).toEqual([SERVICE_ARN, other]);
    });

    test("Invoke and Connect, or vpc-lattice-svcs:*: both", () => {
      const both = [`${SERVICE_ARN}/*`, SERVICE_ARN, `${other}/*`, other];
      expect(resourceOf(["vpc-lattice-svcs:Invoke", "vpc-lattice-svcs:Connect"])).toEqual(both);
      expect(resourceOf(["vpc-lattice-svcs:*"])).toEqual(both);
    });

    test("without services the grant applies to every resource", () => {
      const json = synthPolicy(new AuthPolicy().allow({ accounts: ["222222222222"], actions: ["vpc-lattice-svcs:Connect"] }));
      expect(json.Statement[0].Resource).toBe("*");
    });
  });

  test("fails when a grant is undefined (JavaScript callers)", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow(undefined as never) }),
      "authPolicy.statements[0]",
      "undefined",
    );
  });

  test("fails when the policy is empty", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy() }),
      "authPolicy",
      "an empty policy document",
    );
  });

  test("fails when a path does not start with /", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ accounts: ["222222222222"], paths: ["orders"] }) }),
      "authPolicy.statements[0].paths[0]",
      "orders",
    );
  });

  test("fails when a method is unknown", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeAuthPolicy(stack, "Auth", {
          target: NETWORK,
          policy: new AuthPolicy().allow({ accounts: ["222222222222"], methods: ["FETCH" as LatticeHttpMethod] }),
        }),
      "authPolicy.statements[0].methods[0]",
      "FETCH",
    );
  });

  test("fails when an account ID is malformed", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ accounts: ["2222"] }) }),
      "authPolicy.statements[0].principals[0]",
      "2222",
    );
  });

  test("fails when a role ARN is malformed", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ roles: ["orders-reader"] }) }),
      "authPolicy.statements[0].roles[0]",
      "orders-reader",
    );
  });

  test("fails when the organization ID is malformed", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ organizationId: "org-1" }) }),
      "authPolicy.statements[0].organizationId",
      "org-1",
    );
  });

  test("fails when an organization path is malformed", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ organizationPaths: ["ou-ab12-cdefgh34"] }) }),
      "authPolicy.statements[0].organizationPaths[0]",
      "ou-ab12-cdefgh34",
    );
  });

  test("fails when an organization path can match no aws:PrincipalOrgPaths value (no trailing / or wildcard, no root, an account ID), for an Allow and a Deny", () => {
    const paths = [
      ["o-abcdefghij/r-ab12/ou-ab12-cdefgh34", "does not end with / or a wildcard"],
      ["o-abcdefghij/ou-ab12-cdefgh34/*", 'root ID (r-...), not "ou-ab12-cdefgh34"'],
      ["o-abcdefghij/r-ab12/ou-ab12-cdefgh34/222222222222/", "an account ID is never part of the value"],
      ["o-abcdefghij/r-ab12//ou-ab12-cdefgh34/", "OU ID (ou-...), not empty"],
    ] as const;
    for (const [path, why] of paths) {
      for (const effect of ["allow", "deny"] as const) {
        const error = expectValidationError(
          () =>
            new LatticeAuthPolicy(stackWithProvider(), "Auth", {
              target: NETWORK,
              policy: new AuthPolicy().allow({ accounts: ["222222222222"] })[effect]({ organizationPaths: [path] }),
            }),
          "authPolicy.statements[1].organizationPaths[0]",
          path,
        );
        expect(error.expected).toContain(why);
        expect(error.expected).toContain("the grant matches nobody");
      }
    }
  });

  test("an organization path ending with / or a wildcard, with the root and OUs before its first wildcard, is rendered as given", () => {
    const paths = [
      "o-abcdefghij/r-ab12/ou-ab12-cdefgh34/",
      "o-abcdefghij/r-ab12/ou-ab12-cdefgh34/*",
      "o-abcdefghij/r-ab12/ou-ab12-cdefgh34/ou-ab12-ijklmn56/",
      "o-abcdefghij/*/ou-ab12-cdefgh34/*",
      "o-abcdefghij/*",
    ];
    const [statement] = synthPolicy(new AuthPolicy().allow({ organizationPaths: paths })).Statement;
    expect(statement.Condition["ForAnyValue:StringLike"]).toEqual({ "aws:PrincipalOrgPaths": paths });
    // Flow proof: a path ending with / admits the OU's own accounts, not those of the OUs below it.
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Clients", { name: "clients", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const network = new ServiceNetwork(stack, "Network", {
      name: "teams",
      authPolicy: new AuthPolicy().allow({ sid: "Teams", organizationPaths: ["o-abcdefghij/r-ab12/ou-ab12-cdefgh34/"] }),
    });
    const targets = new LatticeTargetGroup(stack, "Targets", {
      name: "orders",
      config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", port: 8080 }),
      securityGroups: [new SecurityGroup(stack, "Tasks", { vpc, description: "Order tasks" })],
      targets: { a: LatticeTarget.ipAddress("10.1.0.10") },
    });
    const service = new LatticeService(stack, "Orders", { name: "orders", authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij" }) });
    service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(targets) });
    network.associateService("orders", service);
    network.associateVpc("clients", { vpc });
    const caller = (path: string) => ({
      vpc,
      principal: { arn: "arn:aws:iam::222222222222:role/app", organizationId: "o-abcdefghij", organizationPaths: [path] },
    });
    expectFlow(stack, caller("o-abcdefghij/r-ab12/ou-ab12-cdefgh34/"), { target: service }).toBeAllowed();
    expectFlow(stack, caller("o-abcdefghij/r-ab12/ou-ab12-cdefgh34/ou-ab12-ijklmn56/"), { target: service }).toBeDenied("aws:PrincipalOrgPaths");
  });

  test("fails when an organization path is of another organization than the grant's organizationId (both conditions must hold: it matches nobody), for an Allow and a Deny", () => {
    const path = "o-zzzzzzzzzz/r-ab12/ou-ab12-cdefgh34/*";
    for (const effect of ["allow", "deny"] as const) {
      const error = expectValidationError(
        () =>
          new LatticeAuthPolicy(stackWithProvider(), "Auth", {
            target: NETWORK,
            policy: new AuthPolicy().allow({ accounts: ["222222222222"] })[effect]({ organizationId: "o-abcdefghij", organizationPaths: [path] }),
          }),
        "authPolicy.statements[1].organizationPaths[0]",
        path,
      );
      expect(error.expected).toContain("a path of organization o-abcdefghij");
    }
    // A path inside the organization narrows it further: both conditions are rendered.
    const [statement] = synthPolicy(
      new AuthPolicy().allow({ organizationId: "o-abcdefghij", organizationPaths: ["o-abcdefghij/r-ab12/ou-ab12-cdefgh34/*"] }),
    ).Statement;
    expect(statement.Condition).toMatchObject({
      StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" },
      "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-abcdefghij/r-ab12/ou-ab12-cdefgh34/*" },
    });
  });

  test('fails when an account ID is a number (it was rendered as a JSON number, "AWS": 111111111111)', () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeAuthPolicy(stack, "Auth", {
          target: NETWORK,
          policy: new AuthPolicy().allow({ accounts: ["222222222222", 111111111111 as unknown as string] }),
        }),
      "authPolicy.statements[0].accounts[1]",
      "111111111111",
    );
  });

  describe("fails when no caller is left (AWS needs an explicit Allow, and an explicit Deny wins)", () => {
    const attach = (policy: AuthPolicy) => () => new LatticeAuthPolicy(stackWithProvider(), "Auth", { target: NETWORK, policy });
    const EXPECTED = "at least one Allow grant that no Deny grant of the policy fully covers (with AWS_IAM AWS denies every request)";

    test("the policy has Deny grants only", () => {
      const error = expectValidationError(
        attach(new AuthPolicy().deny({ accounts: ["222222222222"] })),
        "authPolicy",
        "a policy with no Allow grant",
      );
      expect(error.expected).toBe(EXPECTED);
    });

    test.each([
      ["the same account", new AuthPolicy().allow({ accounts: ["111111111111"] }).deny({ accounts: ["111111111111"] })],
      ["the account's root ARN", new AuthPolicy().allow({ accounts: ["111111111111"] }).deny({ roles: ["arn:aws:iam::111111111111:root"] })],
      ["every principal (deny({}))", new AuthPolicy().allow({ organizationId: "o-abcdefghij", methods: ["GET"] }).deny({})],
      ["every action", new AuthPolicy().allow({ accounts: ["111111111111"] }).deny({ accounts: ["111111111111"], actions: ["vpc-lattice-svcs:*"] })],
    ])("a Deny without conditions names %s of the only Allow", (_, policy) => {
      expectValidationError(attach(policy), "authPolicy", "authPolicy.statements[1] (Deny) covers authPolicy.statements[0]");
    });

    test("each Allow grant is covered by a Deny", () => {
      const policy = new AuthPolicy()
        .allow({ accounts: ["111111111111"] })
        .allow({ roles: ["arn:aws:iam::222222222222:role/reader"] })
        .deny({ accounts: ["111111111111"] })
        .deny({ roles: ["arn:aws:iam::222222222222:role/Reader"] });
      expectValidationError(attach(policy), "authPolicy", "statements[3] (Deny) covers authPolicy.statements[1]");
    });

    test.each([
      ["a Deny of another account", { accounts: ["222222222222"] }],
      ["a Deny narrowed by a method", { accounts: ["111111111111"], methods: ["DELETE"] }],
      ["a Deny narrowed by a path", { paths: ["/admin/*"] }],
      ["a Deny of a source VPC owner", { sourceVpcOwnerAccounts: ["333333333333"] }],
      ["a Deny of an organization", { organizationId: "o-abcdefghij" }],
      ["a Deny of one service", { accounts: ["111111111111"], services: [fakeService()] }],
      ["a Deny of another action", { accounts: ["111111111111"], actions: ["vpc-lattice-svcs:Connect"] }],
      ["a Deny of a role of the allowed account (compared literally)", { roles: ["arn:aws:iam::111111111111:role/reader"] }],
    ] as [string, AuthPolicyGrant][])("but not with %s", (_, deny) => {
      attach(new AuthPolicy().allow({ accounts: ["111111111111"] }).deny(deny))();
    });

    test("but not when one Allow grant is left uncovered", () => {
      attach(
        new AuthPolicy()
          .allow({ accounts: ["111111111111"] })
          .allow({ accounts: ["222222222222"] })
          .deny({ accounts: ["111111111111"] }),
      )();
    });
  });

  test("fails when a source VPC owner account is malformed", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ sourceVpcOwnerAccounts: ["abc"] }) }),
      "authPolicy.statements[0].sourceVpcOwnerAccounts[0]",
      "abc",
    );
  });

  test("fails when a Sid has characters IAM rejects", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy: new AuthPolicy().allow({ sid: "read-only", accounts: ["222222222222"] }) }),
      "authPolicy.statements[0].sid",
      "read-only",
    );
  });

  test("fails when two statements share a Sid (refused once, by the policy document)", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeAuthPolicy(stack, "Auth", {
          target: NETWORK,
          policy: new AuthPolicy().allow({ sid: "Readers", accounts: ["222222222222"] }).allow({ sid: "Readers", accounts: ["333333333333"] }),
        }),
      "authPolicy.statements[1].sid",
      "Readers",
    );
  });

  test("fails when a service's own policy narrows a grant to another service (its Resource would never match a request to the service)", () => {
    const other = fakeService("arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0fedcba9876543210");
    const policy = new AuthPolicy().allow({ organizationId: "o-abcdefghij", services: [other] });
    expectValidationError(
      () => new LatticeService(stackWithProvider(), "Service", { name: "orders", authPolicy: policy }),
      "authPolicy.statements[0].services[0]",
      other.serviceArn,
    );
    // The same ARN imported is the service itself: nothing narrows away.
    const own = new AuthPolicy().allow({ organizationId: "o-abcdefghij", services: [fakeService()] });
    expect(() => new LatticeAuthPolicy(stackWithProvider(), "Auth", { target: fakeService(), policy: own })).not.toThrow();
  });

  test("fails when the policy exceeds the VPC Lattice size limit", () => {
    const stack = stackWithProvider();
    const policy = new AuthPolicy();
    for (let i = 0; i < 200; i++) policy.allow({ accounts: [String(100000000000 + i)], paths: [`/tenant-${i}/*`] });
    expectValidationError(() => new LatticeAuthPolicy(stack, "Auth", { target: NETWORK, policy }), "authPolicy", "a policy of");
  });
});

describe("latticeInvokePolicy", () => {
  test("allows the callers to invoke every path of each service, with no Principal (an identity policy)", () => {
    const stack = stackWithProvider();
    const other = "arn:aws:vpc-lattice:us-east-1:333333333333:service/svc-0fedcba9876543210";
    expect(JSON.parse(latticeInvokePolicy(stack, [fakeService(), fakeService(other)]))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "InvokeLatticeServices", Effect: "Allow", Action: "vpc-lattice-svcs:Invoke", Resource: [`${SERVICE_ARN}/*`, `${other}/*`] }],
    });
  });

  test("a service made here is named by its ARN through jsonencode", () => {
    const stack = stackWithProvider();
    const service = new LatticeService(stack, "Orders", { name: "orders", authPolicy: new AuthPolicy().allow({ accounts: ["222222222222"] }) });
    new TerraformOutput(stack, "caller_policy", { value: latticeInvokePolicy(stack, [service]) });
    const value = JSON.parse(Testing.synth(stack)).output.caller_policy.value as string;
    expect(value).toMatch(/^\$\{jsonencode\(\{/);
    expect(value).toContain('"Resource" = "${aws_vpclattice_service.Orders_A9B65338.arn}/*"');
  });

  test("fails when no service is given, or something else than a service", () => {
    const stack = stackWithProvider();
    expectValidationError(() => latticeInvokePolicy(stack, []), "services", "[]");
    expectValidationError(
      () => latticeInvokePolicy(stack, [fakeService(NETWORK.serviceNetworkArn)]),
      "services[0].serviceArn",
      NETWORK.serviceNetworkArn,
    );
  });
});

describe("LatticeAuthPolicy misspelled props", () => {
  test("fails when a prop is misspelled: a provider given as providr would put the policy in the default account", () => {
    const stack = stackWithProvider();
    const props = { target: NETWORK, policy: new AuthPolicy().allow({ accounts: ["111111111111"] }), providr: stack };
    const error = expectValidationError(
      () => new LatticeAuthPolicy(stack, "Auth", props as unknown as ConstructorParameters<typeof LatticeAuthPolicy>[2]),
      "providr",
      "",
    );
    expect(error.message).toContain("did you mean provider?");
  });
});
