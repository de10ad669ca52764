import { TerraformProvider, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  AccessLogs,
  AuthPolicy,
  AuthPolicyGrant,
  Certificate,
  CertificateAttributes,
  LatticeListener,
  LatticeListenerAction,
  LatticeListenerOptions,
  LatticeService,
  LatticeServiceAttributes,
  LatticeServiceProps,
  LatticeTargetGroup,
  PathMatch,
  RuleAuthPolicyPrincipals,
} from "../../modules/lattice";
import { OptOut } from "../../modules/core";
import { expectValidationError, stackWithProvider, synthJson } from "../helpers";
import { SERVICE_ARN } from "./helpers";

const CERTIFICATE_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab";
const ORG = { organizationId: "o-abcdefghij" };

function service(overrides: Partial<LatticeServiceProps> = {}, stack: TerraformStack = stackWithProvider()): LatticeService {
  return new LatticeService(stack, "Service", { name: "orders", authPolicy: new AuthPolicy().allow(ORG), ...overrides });
}

function tcpGroup(stack: TerraformStack): LatticeTargetGroup {
  return LatticeTargetGroup.fromAttributes(stack, "Tcp", {
    targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
    type: "IP",
    protocol: "TCP",
  }) as LatticeTargetGroup;
}

describe("LatticeService", () => {
  test("AWS_IAM by default, with the given auth policy and access logs to a new log group", () => {
    const stack = stackWithProvider();
    const svc = service({}, stack);
    expect(svc.authType).toBe("AWS_IAM");
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_vpclattice_service)[0]).toMatchObject({ name: "orders", auth_type: "AWS_IAM" });
    const policy = Object.values(json.resource.aws_vpclattice_auth_policy)[0] as { resource_identifier: string; policy: string };
    expect(policy.resource_identifier).toMatch(/^\$\{aws_vpclattice_service\.[A-Za-z0-9_]+\.arn\}$/);
    expect(JSON.parse(policy.policy).Statement[0]).toMatchObject({
      Effect: "Allow",
      Principal: "*",
      Action: "vpc-lattice-svcs:Invoke",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } },
    });
    expect(Object.keys(json.resource.aws_vpclattice_access_log_subscription)).toHaveLength(1);
    expect(Object.values(json.resource.aws_cloudwatch_log_group)[0]).toMatchObject({ name: "/aws/vendedlogs/vpclattice/service-orders" });
  });

  test("custom domain with certificate and A/AAAA alias records in the named zone", () => {
    const stack = stackWithProvider();
    const svc = service(
      {
        customDomainName: "orders.internal.example.com",
        certificateArn: CERTIFICATE_ARN,
        hostedZone: { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "internal.example.com" },
        accessLogs: AccessLogs.disabled("test"),
      },
      stack,
    );
    svc.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.fixedResponse(404) });
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_vpclattice_service)[0]).toMatchObject({
      custom_domain_name: "orders.internal.example.com",
      certificate_arn: CERTIFICATE_ARN,
    });
    const records = Object.values(json.resource.aws_route53_record) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(records.map((r) => r.type).sort()).toEqual(["A", "AAAA"]);
    expect(records[0]).toMatchObject({ zone_id: "Z0123456789ABCDEFGHIJ", name: "orders.internal.example.com" });
    expect(records[0].alias.name).toMatch(/aws_vpclattice_service\.[A-Za-z0-9_]+\.dns_entry\[0\]\.domain_name/);
    expect(records[0].alias.zone_id).toMatch(/dns_entry\[0\]\.hosted_zone_id/);
    expect(json.resource.aws_vpclattice_access_log_subscription).toBeUndefined();
  });

  test("authType NONE with the explicit opt-in creates no auth policy", () => {
    const stack = stackWithProvider();
    new LatticeService(stack, "Open", { name: "public-docs", authType: "NONE", allowUnauthenticatedAccess: true });
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_vpclattice_service)[0]).toMatchObject({ auth_type: "NONE" });
    expect(json.resource.aws_vpclattice_auth_policy).toBeUndefined();
  });

  test("listeners get a default name and port and are keyed by name", () => {
    const stack = stackWithProvider();
    const svc = service({}, stack);
    const listener = svc.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
    expect(listener.port).toBe(80);
    expect(listener.name).toBe("http-80");
    const json = synthJson(stack);
    const [address, resource] = Object.entries(json.resource.aws_vpclattice_listener)[0] as [string, Record<string, unknown>];
    expect(address).toContain("Listener-http-80");
    expect(resource).toMatchObject({ name: "http-80", protocol: "HTTP", port: 80, default_action: { fixed_response: { status_code: 404 } } });
  });

  test("warns above the default quota of listeners per service", () => {
    const svc = service();
    for (const port of [80, 8080, 8081]) svc.addListener({ protocol: "HTTP", port, defaultAction: LatticeListenerAction.fixedResponse(404) });
    const warnings = svc.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("quota of listeners per service")]);
  });

  test("imports a service by ARN", () => {
    const imported = LatticeService.fromArn(
      stackWithProvider(),
      "Imported",
      "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0",
    );
    expect(imported.serviceId).toBe("svc-0123456789abcdef0");
  });

  test("a listener made with new LatticeListener is one of the service's listeners, and its rules are in the derived policy", () => {
    const stack = stackWithProvider();
    const svc = service({ authPolicy: undefined, authPolicyFromRules: { accounts: ["111111111111"] } }, stack);
    const listener = new LatticeListener(stack, "Direct", {
      service: svc,
      protocol: "HTTP",
      defaultAction: LatticeListenerAction.fixedResponse(404),
    });
    const http = LatticeTargetGroup.fromLatticeTargetGroupAttributes(stack, "Http", {
      targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef1",
      type: "IP",
      protocol: "HTTP",
    });
    listener.addRule({ name: "orders", priority: 1, match: { path: PathMatch.prefix("/orders") }, action: LatticeListenerAction.forward(http) });
    expect(svc.listeners).toEqual([listener]);
    const policy = Object.values(synthJson(stack).resource.aws_vpclattice_auth_policy)[0] as { policy: string };
    expect(policy.policy).toContain("/orders*");
  });

  describe("fails when", () => {
    test("the name breaks the AWS pattern or length", () => {
      expectValidationError(() => service({ name: "ab" }), "name", '"ab"');
      expectValidationError(() => service({ name: "a".repeat(41) }), "name", "a".repeat(41));
      expectValidationError(() => service({ name: "svc-orders" }), "name", '"svc-orders"');
      expectValidationError(() => service({ name: "orders-" }), "name", '"orders-"');
      expectValidationError(() => service({ name: "or--ders" }), "name", '"or--ders"');
      expectValidationError(() => service({ name: "Orders" }), "name", '"Orders"');
    });

    test("authType is unknown", () => {
      expectValidationError(() => service({ authType: "IAM" as never }), "authType", '"IAM"');
    });

    test("authType is NONE without the explicit opt-in", () => {
      expectValidationError(() => new LatticeService(stackWithProvider(), "S", { name: "open", authType: "NONE" }), "authType", '"NONE"');
    });

    test("authType NONE comes with a policy AWS would keep inactive", () => {
      expectValidationError(() => service({ authType: "NONE", allowUnauthenticatedAccess: true }), "authPolicy", "NONE");
    });

    test("AWS_IAM has no policy (AWS would deny every request)", () => {
      expectValidationError(() => new LatticeService(stackWithProvider(), "S", { name: "locked" }), "authPolicy", "undefined");
    });

    test("both an explicit and a derived policy are given", () => {
      expectValidationError(() => service({ authPolicyFromRules: ORG }), "authPolicy, authPolicyFromRules", "authPolicy and authPolicyFromRules");
    });

    test("an HTTPS listener serves a custom domain without a certificate", () => {
      const svc = service({ customDomainName: "orders.example.com" });
      expectValidationError(
        () => svc.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.fixedResponse(404) }),
        "certificateArn",
        "undefined",
      );
    });

    test("a TLS_PASSTHROUGH listener is added without a custom domain", () => {
      const stack = stackWithProvider();
      const svc = service({}, stack);
      expectValidationError(
        () => svc.addListener({ protocol: "TLS_PASSTHROUGH", defaultAction: LatticeListenerAction.forward(tcpGroup(stack)) }),
        "customDomainName",
        "undefined",
      );
    });

    test("the domain, certificate or zone are malformed or do not fit together", () => {
      expectValidationError(() => service({ customDomainName: "not a domain" }), "customDomainName", '"not a domain"');
      expectValidationError(
        () => service({ customDomainName: "orders.example.com", certificateArn: "arn:aws:iam::111111111111:role/x" }),
        "certificateArn",
        "role/x",
      );
      expectValidationError(() => service({ certificateArn: CERTIFICATE_ARN }), "certificateArn", CERTIFICATE_ARN);
      expectValidationError(() => service({ hostedZone: { zoneId: "Z1", zoneName: "example.com" } }), "hostedZone", '"Z1"');
      // The deprecated LatticeServiceHostedZone shape still works.
      expectValidationError(() => service({ hostedZone: { hostedZoneId: "Z1" } }), "hostedZone", '"Z1"');
      expectValidationError(
        () => service({ customDomainName: "orders.example.org", hostedZone: { zoneId: "Z1", zoneName: "example.com" } }),
        "customDomainName",
        '"orders.example.org"',
      );
    });

    test("fails when the certificate is of another account than the service (ACM certificates cannot be shared: AWS refuses the service)", () => {
      const stack = stackWithProvider();
      const team = new AwsProvider(stack, "team", { region: "us-east-1", alias: "team", allowedAccountIds: ["222222222222"] });
      const certificate = (account: string, id: string) =>
        Certificate.fromCertificateAttributes(stack, id, {
          certificateArn: `arn:aws:acm:us-east-1:${account}:certificate/0123abcd-0123-4567-89ab-0123456789ab`,
          domainNames: ["*.example.com"],
          provider: team,
        });
      const error = expectValidationError(
        () =>
          new LatticeService(stack, "Orders", {
            name: "orders",
            provider: team,
            authPolicy: new AuthPolicy().allow(ORG),
            customDomainName: "orders.example.com",
            certificate: certificate("111111111111", "Stray"),
          }),
        "certificate.certificateArn",
        "arn:aws:acm:us-east-1:111111111111:certificate/",
      );
      expect(error.expected).toContain("an ACM certificate of account 222222222222, the service's");
      expect(error.constructPath).toBe("test/Orders");
      // The deprecated certificateArn is held to the same account.
      expectValidationError(
        () =>
          new LatticeService(stack, "Legacy", {
            name: "legacy",
            provider: team,
            authPolicy: new AuthPolicy().allow(ORG),
            customDomainName: "legacy.example.com",
            certificateArn: CERTIFICATE_ARN,
          }),
        "certificateArn",
        CERTIFICATE_ARN,
      );
      // The service's own account's certificate serves its HTTPS listener.
      const payments = new LatticeService(stack, "Payments", {
        name: "payments",
        provider: team,
        authPolicy: new AuthPolicy().allow(ORG),
        customDomainName: "payments.example.com",
        certificate: certificate("222222222222", "Own"),
      });
      payments.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.fixedResponse(404) });
      const json = synthJson(stack);
      expect(Object.values(json.resource.aws_vpclattice_service)).toEqual([
        expect.objectContaining({
          name: "payments",
          provider: "aws.team",
          certificate_arn: "arn:aws:acm:us-east-1:222222222222:certificate/0123abcd-0123-4567-89ab-0123456789ab",
        }),
      ]);
    });

    test("two listeners share a port", () => {
      const svc = service();
      svc.addListener({ protocol: "HTTP", port: 8080, defaultAction: LatticeListenerAction.fixedResponse(404) });
      expectValidationError(
        () => svc.addListener({ protocol: "HTTP", port: 8080, name: "other", defaultAction: LatticeListenerAction.fixedResponse(404) }),
        "listeners.port",
        "8080",
      );
    });

    test("a listener made with new LatticeListener breaks the service's checks (domain, certificate, port)", () => {
      const stack = stackWithProvider();
      const plain = service({}, stack);
      const listener = (svc: LatticeService, id: string, protocol: "HTTP" | "HTTPS" | "TLS_PASSTHROUGH") =>
        new LatticeListener(stack, id, {
          service: svc,
          protocol,
          defaultAction: protocol === "TLS_PASSTHROUGH" ? LatticeListenerAction.forward(tcpGroup(stack)) : LatticeListenerAction.fixedResponse(404),
        });
      expectValidationError(() => listener(plain, "Tls", "TLS_PASSTHROUGH"), "customDomainName", "undefined");
      plain.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
      expectValidationError(() => listener(plain, "Http", "HTTP"), "listeners.port", "80");
      const domain = new LatticeService(stack, "Domain", {
        name: "domain",
        customDomainName: "orders.example.com",
        authPolicy: new AuthPolicy().allow(ORG),
      });
      expectValidationError(() => listener(domain, "Https", "HTTPS"), "certificateArn", "undefined");
    });

    test("a TLS_PASSTHROUGH listener is added to a service whose explicit policy admits no anonymous caller", () => {
      const stack = stackWithProvider();
      const byAccount = service(
        { customDomainName: "orders.example.com", authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }) },
        stack,
      );
      expectValidationError(
        () => byAccount.addListener({ protocol: "TLS_PASSTHROUGH", defaultAction: LatticeListenerAction.forward(tcpGroup(stack)) }),
        "authPolicy",
        "tls-passthrough-443",
      );
      const other = stackWithProvider();
      const byOrganization = service({ customDomainName: "orders.example.com", authPolicy: new AuthPolicy().allow(ORG) }, other);
      expectValidationError(
        () =>
          new LatticeListener(other, "Tls", {
            service: byOrganization,
            protocol: "TLS_PASSTHROUGH",
            defaultAction: LatticeListenerAction.forward(tcpGroup(other)),
          }),
        "authPolicy",
        "admitting no anonymous caller",
      );
    });

    test("a TLS_PASSTHROUGH listener is added to a service whose policy admits anonymous callers of a VPC (accepted)", () => {
      const stack = stackWithProvider();
      const svc = service(
        {
          customDomainName: "orders.example.com",
          authPolicy: new AuthPolicy().allow({
            sourceVpcOwnerAccounts: ["111111111111"],
            allowAnonymous: OptOut.because("TLS passthrough carries no SigV4 signature"),
          }),
        },
        stack,
      );
      expect(() => svc.addListener({ protocol: "TLS_PASSTHROUGH", defaultAction: LatticeListenerAction.forward(tcpGroup(stack)) })).not.toThrow();
    });

    test("two services of one account share a name, one of them given the stack's default provider explicitly", () => {
      const stack = stackWithProvider();
      service({}, stack);
      const provider = stack.node.findChild("aws") as TerraformProvider;
      expectValidationError(
        () => new LatticeService(stack, "Again", { name: "orders", authPolicy: new AuthPolicy().allow(ORG), provider }),
        "name",
        '"orders"',
      );
    });

    test("two services create alias records of one custom domain name in one hosted zone", () => {
      const stack = stackWithProvider();
      const zone = { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" };
      service({ customDomainName: "orders.example.com", hostedZone: zone }, stack);
      expectValidationError(
        () =>
          new LatticeService(stack, "Again", {
            name: "again",
            customDomainName: "Orders.example.com.",
            hostedZone: zone,
            authPolicy: new AuthPolicy().allow(ORG),
          }),
        "customDomainName",
        "Orders.example.com.",
      );
    });

    test("an imported ARN is not a service ARN", () => {
      expectValidationError(
        () => LatticeService.fromArn(stackWithProvider(), "Bad", "svc-0123456789abcdef0"),
        "serviceArn",
        '"svc-0123456789abcdef0"',
      );
    });
  });
});

describe("misspelled props", () => {
  test("fails when a prop of LatticeService is misspelled: customDomainname would give a service on the generated name only", () => {
    const error = expectValidationError(
      () => service({ customDomainname: "orders.example.com" } as Partial<LatticeServiceProps>),
      "customDomainname",
      "orders.example.com",
    );
    expect(error.constructPath).toBe("test/Service");
    expect(error.message).toContain("did you mean customDomainName?");
  });

  test("fails when an attribute of an imported service or certificate is misspelled", () => {
    const stack = stackWithProvider();
    const serviceAttrs = { serviceArn: SERVICE_ARN, provder: stack } as unknown as LatticeServiceAttributes;
    expect(
      expectValidationError(() => LatticeService.fromLatticeServiceAttributes(stack, "Imported", serviceAttrs), "provder", "").message,
    ).toContain("did you mean provider?");
    const certificateAttrs = { certificateArn: CERTIFICATE_ARN, domainName: ["orders.example.com"] } as CertificateAttributes;
    expect(
      expectValidationError(() => Certificate.fromCertificateAttributes(stack, "Certificate", certificateAttrs), "domainName", "orders.example.com")
        .message,
    ).toContain("did you mean domainNames?");
  });

  test("fails when an option of addListener is misspelled or is one the service sets itself", () => {
    const svc = service();
    const misspelled = { protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404), prot: 8080 } as LatticeListenerOptions;
    expect(expectValidationError(() => svc.addListener(misspelled), "prot", "8080").message).toContain("did you mean port?");
    // The service gives the listener its own provider: another one here would be dropped.
    const provider = { protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404), provider: {} } as LatticeListenerOptions;
    expectValidationError(() => svc.addListener(provider), "provider", "{}");
  });

  test("fails when a field of an auth policy grant or of authPolicyFromRules is misspelled: the grant would be wider", () => {
    const grant = { ...ORG, method: ["GET"] } as AuthPolicyGrant;
    const error = expectValidationError(() => service({ authPolicy: new AuthPolicy().allow(grant) }), "authPolicy.statements[0].method", "GET");
    expect(error.message).toContain("did you mean methods?");
    const principals = { organizationID: "o-abcdefghij", accounts: ["111111111111"] } as RuleAuthPolicyPrincipals;
    expect(
      expectValidationError(() => service({ authPolicy: undefined, authPolicyFromRules: principals }), "authPolicyFromRules.organizationID", "o-")
        .message,
    ).toContain("did you mean organizationId?");
    // The rules decide the methods: a methods field would be overwritten by each rule's.
    const methods = { ...ORG, methods: ["GET"] } as RuleAuthPolicyPrincipals;
    expectValidationError(() => service({ authPolicy: undefined, authPolicyFromRules: methods }), "authPolicyFromRules.methods", "GET");
  });
});
