import fc from "fast-check";
import { awsReservedAddressRole, cidrContains, ValidationError } from "../../modules/core";
import {
  AuthPolicy,
  Certificate,
  HeaderMatch,
  LatticeListenerAction,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  PathMatch,
  ServiceNetwork,
} from "../../modules/lattice";
import { SharePrincipal } from "../../modules/ram";
import { Vpc } from "../../modules/vpc";
import { stackWithProvider } from "../helpers";

const VPC_CIDR = "10.0.0.0/16";
const PEERED_CIDR = "192.168.0.0/16";
const ORG_ONLY = new AuthPolicy().allow({ organizationId: "o-abcdefghij" });
const CERTIFICATE_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

/** The same text with each letter's case flipped where the mask says so. */
const recased = (text: string, mask: readonly boolean[]) =>
  [...text].map((c, i) => (mask[i % mask.length] ? c.toUpperCase() : c.toLowerCase())).join("");
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
/** Addresses of a /16 given by its first two octets, so that the accepted side is drawn as often as the refused one. */
const addressIn = (prefix: string) => fc.tuple(fc.nat(255), fc.nat(255)).map(([c, d]) => `${prefix}.${c}.${d}`);
const caseMask = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 });

describe("lattice properties", () => {
  test("an IPv4 target is accepted exactly when it is inside the VPC (and not an address AWS reserves there) or a declared peered range, and refused with a ValidationError otherwise", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), addressIn("10.0"), addressIn("192.168"), addressIn("10.1")), (address) => {
        const stack = stackWithProvider();
        const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: VPC_CIDR });
        const build = () =>
          new LatticeTargetGroup(stack, "Group", {
            name: "orders",
            config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", peeredCidrs: [PEERED_CIDR] }),
            targets: { target: LatticeTarget.ipAddress(address) },
          });
        // AWS keeps the ends of the VPC's block (the first four addresses, the last) whatever its subnets are.
        const holdable = cidrContains(VPC_CIDR, address) && awsReservedAddressRole(VPC_CIDR, address) === undefined;
        if (holdable || cidrContains(PEERED_CIDR, address)) expect(build).not.toThrow();
        else expect(build).toThrow(ValidationError);
      }),
      { numRuns: 80 },
    );
  });

  test("two headers of one rule are refused exactly when their names are equal but for case", () => {
    fc.assert(
      fc.property(label, label, caseMask, (first, second, mask) => {
        const stack = stackWithProvider();
        const listener = new LatticeService(stack, "Service", { name: "orders", authPolicy: ORG_ONLY }).addListener({
          protocol: "HTTP",
          defaultAction: LatticeListenerAction.fixedResponse(404),
        });
        const headers = [HeaderMatch.exact(`x-${first}`, "blue"), HeaderMatch.exact(`X-${recased(second, mask)}`, "green")];
        const build = () =>
          listener.addRule({
            name: "tenant",
            priority: 1,
            match: { path: PathMatch.prefix("/orders"), headers },
            action: LatticeListenerAction.fixedResponse(403),
          });
        if (first === second) expect(build).toThrow(ValidationError);
        else expect(build).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });

  test("a certificate carries the custom domain whatever the case of either, and a wildcard covers exactly one label", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), caseMask, fc.boolean(), (labels, mask, wildcard) => {
        const stack = stackWithProvider();
        const domain = [...labels, "example", "com"].join(".");
        // A wildcard of the parent of the first label: it covers the domain only when that is one label below example.com.
        const certificateName = wildcard ? `*.${[...labels.slice(1), "example", "com"].join(".")}` : recased(domain, mask);
        const build = (id: string, names: string[]) => () =>
          new LatticeService(stack, id, {
            name: id.toLowerCase(),
            authPolicy: ORG_ONLY,
            customDomainName: recased(domain, [...mask].reverse()),
            certificate: Certificate.fromCertificateAttributes(stack, `${id}Cert`, { certificateArn: CERTIFICATE_ARN, domainNames: names }),
          });
        expect(build("Carried", [certificateName])).not.toThrow();
        // *.example.com does not cover a name two or more labels below example.com.
        if (labels.length > 1) expect(build("Uncovered", ["*.example.com"])).toThrow(ValidationError);
      }),
      { numRuns: 40 },
    );
  });

  test("sharing principals are accepted exactly when no account repeats", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("222222222222", "333333333333", "444444444444", "555555555555"), { minLength: 1, maxLength: 5 }),
        (accounts) => {
          const stack = stackWithProvider();
          const build = () =>
            new ServiceNetwork(stack, "Network", {
              name: "shared",
              authPolicy: ORG_ONLY,
              sharing: { principals: accounts.map((a) => SharePrincipal.account(a)) },
            });
          if (new Set(accounts).size === accounts.length) expect(build).not.toThrow();
          else expect(build).toThrow(ValidationError);
        },
      ),
      { numRuns: 40 },
    );
  });
});
