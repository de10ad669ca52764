import { TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import {
  canonicalDnsName,
  checkArn,
  checkKnownProps,
  checkList,
  checkPredicate,
  ICertificate,
  isUnresolved,
  isWildcardDnsName,
  literalRegionOf,
  requireProps,
  ValidationError,
} from "../core";

/** Describes an ACM certificate made elsewhere, for {@link Certificate.fromCertificateAttributes}. */
export interface CertificateAttributes {
  /** `arn:aws:acm:<region>:<account>:certificate/<uuid>`, of the region of the provider that uses it. */
  readonly certificateArn: string;
  /**
   * Its domain name and subject alternative names, so that a service's
   * custom domain is checked against them at synth.
   * @default - unknown: names are not checked
   */
  readonly domainNames?: readonly string[];
  /** The provider whose region the certificate must be of. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** ACM certificates made elsewhere, as the services of this library take them. */
export class Certificate {
  /**
   * A certificate by ARN, checked at synth: an ACM certificate ARN (not an
   * IAM server certificate, which VPC Lattice does not take) of the
   * provider's region and partition, with well-formed names.
   */
  public static fromCertificateAttributes(scope: Construct, id: string, attrs: CertificateAttributes): ICertificate {
    return new ImportedCertificate(scope, id, attrs);
  }

  private constructor() {}
}

const CERTIFICATE_ATTRIBUTES: Record<keyof CertificateAttributes, true> = { certificateArn: true, domainNames: true, provider: true };

class ImportedCertificate extends Construct implements ICertificate {
  public readonly certificateArn: string;
  public readonly domainNames?: readonly string[];

  constructor(scope: Construct, id: string, attrs: CertificateAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["certificateArn"]);
    checkKnownProps(this, attrs, CERTIFICATE_ATTRIBUTES);
    checkArn(this, "certificateArn", attrs.certificateArn, "acmCertificate", { region: literalRegionOf(this, attrs.provider) });
    const names = checkList(this, "domainNames", attrs.domainNames);
    names?.forEach((name, i) =>
      checkPredicate(this, `domainNames[${i}]`, name, isWildcardDnsName, "a DNS name such as api.example.com, or a wildcard such as *.example.com"),
    );
    this.certificateArn = attrs.certificateArn;
    this.domainNames = names;
  }
}

/** True when one of the certificate's names carries `domainName` (case-insensitive; a wildcard covers one label). */
function certificateCarries(names: readonly string[], domainName: string): boolean {
  const wanted = canonicalDnsName(domainName);
  return names.some((name) => {
    const carried = canonicalDnsName(name);
    if (!carried.startsWith("*.")) return carried === wanted;
    const dot = wanted.indexOf(".");
    return dot > 0 && wanted.slice(dot + 1) === carried.slice(2);
  });
}

/**
 * Fails when a certificate's known names do not carry the domain it serves:
 * clients would fail TLS validation. Unknown names and references are skipped.
 */
export function checkCertificateCarries(scope: IConstruct, prop: string, certificate: ICertificate, domainName: string | undefined): void {
  const names = certificate.domainNames;
  if (domainName === undefined || names === undefined || isUnresolved(domainName) || names.some(isUnresolved)) return;
  if (!certificateCarries(names, domainName)) {
    throw new ValidationError(
      scope,
      prop,
      names,
      `a certificate carrying ${domainName}, the custom domain name it serves (a wildcard covers one label)`,
    );
  }
}
