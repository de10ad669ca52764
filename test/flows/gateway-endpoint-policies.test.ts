import { PrivateNetworkingStack } from "../../modules/app";
import { OptOut, PolicyPrincipal, PolicyStatement } from "../../modules/core";
import { AwsService, EndpointPolicy, GatewayEndpoint, InterfaceEndpoint } from "../../modules/endpoints";
import { analyzeStackFlow, expectFlow } from "../../modules/flows";
import { Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * A gateway endpoint's policy as AWS reads it: an account in its Principal
 * element (`"AWS": "<account>"` or the account's root ARN) matches that
 * account's root user only, not its roles and users, which AWS admits there
 * by `aws:PrincipalArn` / `aws:PrincipalAccount` conditions on Principal "*"
 * (PrivateLink guide, "Control access to VPC endpoints using endpoint
 * policies"). On an interface endpoint the same document admits the whole
 * account. The library's presets render gateway policies by condition, and
 * fromStatements refuses account principals there: these documents are hand
 * written (an escape hatch on the gateway endpoint).
 */

const ACCOUNT = "111111111111";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const OTHER_ACCOUNT_ROLE = "arn:aws:iam::222222222222:role/app";
const GET = { dnsName: "a-bucket.s3.us-east-1.amazonaws.com", request: { action: "s3:GetObject", resource: "arn:aws:s3:::a-bucket/k" } };

type Statement = Record<string, unknown>;

/** A stack with an S3 gateway endpoint in VPC App whose policy is the given document (an escape hatch). */
function gatewayWith(...statements: Statement[]) {
  const s = new PrivateNetworkingStack(testApp(), "gateway-policy", { region: "us-east-1", accountId: ACCOUNT });
  const vpc = new Vpc(s, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const gateway = new GatewayEndpoint(s, "S3", {
    vpc,
    service: AwsService.S3,
    policy: EndpointPolicy.allowAll(OptOut.because("replaced by the hand-written document of the test")),
  });
  gateway.resource.addOverride("policy", JSON.stringify({ Version: "2012-10-17", Statement: statements }));
  return { s, vpc };
}

const allowAccount = (principal: unknown): Statement => ({ Sid: "TheAccount", Effect: "Allow", Principal: principal, Action: "s3:*", Resource: "*" });

describe("gateway endpoint policies: an account in the Principal element is its root user only", () => {
  test('fails when the policy names Principal {"AWS": account} and the caller is a role of that account: only its root user matches', () => {
    for (const principal of [{ AWS: ACCOUNT }, { AWS: `arn:aws:iam::${ACCOUNT}:root` }, { AWS: [ACCOUNT] }]) {
      const { s, vpc } = gatewayWith(allowAccount(principal));
      const flow = expectFlow(s, { vpc, principal: ROLE }, GET);
      flow.toBeDenied(`on a gateway endpoint AWS matches account ${ACCOUNT} in the Principal element of statement TheAccount to its root user only`);
      const reason = flow.verdict.reason ?? "";
      expect(reason).toContain(`no Allow statement matches ${ROLE}`);
      expect(reason).toContain("aws:PrincipalAccount");
      expect(reason).toContain("aws:PrincipalArn");
      expect(flow.verdict.hops.at(-1)).toEqual(expect.objectContaining({ kind: "endpoint-policy", ok: false }));
      // The account's root user is what the statement names: it passes.
      expectFlow(s, { vpc, principal: { account: ACCOUNT } }, GET).toBeAllowed();
    }
  });

  test("the account's roles pass when the policy admits them by condition on Principal *, as AWS documents; other accounts do not", () => {
    const { s, vpc } = gatewayWith({
      Sid: "ByCondition",
      Effect: "Allow",
      Principal: "*",
      Action: "s3:*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT } },
    });
    const allowed = expectFlow(s, { vpc, principal: ROLE }, GET);
    allowed.toBeAllowed();
    expect(allowed.verdict.hops.map((h) => h.text)).toContain(
      `endpoint policy of S3: statement ByCondition allows ${ROLE} for s3:GetObject on arn:aws:s3:::a-bucket/k`,
    );
    expectFlow(s, { vpc, principal: OTHER_ACCOUNT_ROLE }, GET).toBeDenied("aws:PrincipalAccount");
  });

  test("a role named by its ARN beside the account is still matched; only the account entry is read as its root user", () => {
    const OPERATOR = `arn:aws:iam::${ACCOUNT}:role/operator`;
    const { s, vpc } = gatewayWith(allowAccount({ AWS: [ACCOUNT, OPERATOR] }));
    expectFlow(s, { vpc, principal: OPERATOR }, GET).toBeAllowed();
    expectFlow(s, { vpc, principal: ROLE }, GET).toBeDenied("to its root user only");
  });

  test("a Deny that names the account denies its root user only: the account's roles pass, with the reason in the hop", () => {
    const { s, vpc } = gatewayWith(
      { Sid: "Everyone", Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" },
      { Sid: "NotTheAccount", Effect: "Deny", Principal: { AWS: ACCOUNT }, Action: "s3:*", Resource: "*" },
    );
    const role = expectFlow(s, { vpc, principal: ROLE }, GET);
    role.toBeAllowed();
    expect(role.verdict.hops.map((h) => h.text)).toContainEqual(
      expect.stringContaining(`in the Principal element of statement NotTheAccount to its root user only, not to ${ROLE}`),
    );
    expectFlow(s, { vpc, principal: { account: ACCOUNT } }, GET).toBeDenied("Deny statement NotTheAccount matches");
  });

  test("fails when a Deny's NotPrincipal names the account: it spares the root user only, so the account's roles are denied", () => {
    const { s, vpc } = gatewayWith(
      { Sid: "Everyone", Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" },
      { Sid: "OnlyTheAccount", Effect: "Deny", NotPrincipal: { AWS: ACCOUNT }, Action: "s3:*", Resource: "*" },
    );
    expectFlow(s, { vpc, principal: ROLE }, GET).toBeDenied(
      `Deny statement OnlyTheAccount matches ${ROLE} for s3:GetObject on arn:aws:s3:::a-bucket/k: on a gateway endpoint AWS matches account ${ACCOUNT} in the NotPrincipal element of statement OnlyTheAccount to its root user only`,
    );
    expectFlow(s, { vpc, principal: { account: ACCOUNT } }, GET).toBeAllowed();
    expectFlow(s, { vpc, principal: OTHER_ACCOUNT_ROLE }, GET).toBeDenied("Deny statement OnlyTheAccount matches");
  });
});

describe("interface endpoint policies: an account in the Principal element is the whole account", () => {
  test("the same document on an S3 interface endpoint admits the account's roles; other accounts are still denied", () => {
    const s = new PrivateNetworkingStack(testApp(), "interface-policy", { region: "us-east-1", accountId: ACCOUNT });
    const vpc = new Vpc(s, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const endpoint = new InterfaceEndpoint(s, "S3", {
      vpc,
      service: AwsService.S3,
      privateDnsEnabled: false,
      policy: EndpointPolicy.fromStatements(
        new PolicyStatement({ sid: "TheAccount", actions: ["s3:*"], principals: [PolicyPrincipal.account(ACCOUNT)] }),
      ),
    });
    const request = { target: endpoint, port: 443, request: GET.request };
    const role = analyzeStackFlow(s, { vpc, principal: ROLE }, request);
    expect(role.allowed).toBe(true);
    expect(role.hops.map((h) => h.text)).toContain(
      `endpoint policy of S3: statement TheAccount allows ${ROLE} for s3:GetObject on arn:aws:s3:::a-bucket/k`,
    );
    expect(JSON.stringify(role)).not.toContain("root user only");
    expectFlow(s, { vpc, principal: OTHER_ACCOUNT_ROLE }, request).toBeDenied("no Allow statement matches");
  });
});
