import { Construct } from "constructs";
import {
  AwsResourceProps,
  checkAccountId,
  checkItemCount,
  checkKnownProps,
  checkList,
  checkObject,
  isUnresolved,
  literalAccountOf,
  providerOf,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
  propsFor,
} from "../../core";
import { EndpointService, EndpointServiceProps } from "../endpoint-service";
import { EndpointServicePrincipal } from "../principals";
import { checkNoDuplicate } from "../checks";
import {
  checkConsumerDns,
  checkEndpointIpAddressType,
  ConnectionAcceptance,
  remoteServiceRegion,
  SAAS_CONSUMER_ENDPOINT_OPTIONS,
  SaasConsumerEndpoint,
  SaasConsumerEndpointOptions,
  withPorts,
} from "./saas-consumer-endpoint";

/** One consumer account of the offering and the endpoint it gets. */
export interface SaasConsumer extends SaasConsumerEndpointOptions {
  /** Stable name of the consumer; keys its Terraform addresses. */
  readonly name: string;
  /** The consumer's account, added to the service's allowed principals. */
  readonly accountId: string;
}

export interface PrivateLinkSaasOfferingProps extends AwsResourceProps {
  /** The provider side; each consumer's account is added to its allowed principals. */
  readonly service: Omit<EndpointServiceProps, "provider">;
  /** The consumer accounts, at least one, with unique names; each gets an interface endpoint to the service. */
  readonly consumers: readonly SaasConsumer[];
}

/**
 * A PrivateLink offering end to end, in one configuration: the endpoint
 * service (provider account) and, for each consumer account, a
 * {@link SaasConsumerEndpoint}: an interface endpoint opening only the
 * service's ports, the provider's acceptance of exactly that endpoint, and
 * private DNS switched on afterwards (AWS refuses private DNS on an endpoint
 * that is still pending acceptance or whose name is not verified yet).
 *
 * For halves that deploy on their own, each with its own account's
 * credentials: {@link EndpointService} (allowed principals by account, and
 * `acceptEndpoints` for the endpoint IDs consumers send) on the provider's
 * side, and {@link SaasConsumerEndpoint} on each consumer's
 * (`EndpointService.fromEndpointServiceAttributes`,
 * `ConnectionAcceptance.whenAccepted`).
 *
 * Consumers and provider are placed by AZ ID where both sides' VPCs are: an
 * endpoint subnet in a zone the load balancer is not in fails at synth, as
 * AWS would refuse it at apply.
 *
 * Creates: the resources of {@link EndpointService}, and per consumer those
 * of {@link SaasConsumerEndpoint}.
 */
export class PrivateLinkSaasOffering extends Construct {
  /** The endpoint service, with every consumer account in its allowed principals. */
  public readonly service: EndpointService;
  /** By consumer name. */
  public readonly consumers: Readonly<Record<string, SaasConsumerEndpoint>>;

  constructor(scope: Construct, id: string, props: PrivateLinkSaasOfferingProps) {
    super(scope, id);
    requireProps(this, props, ["service", "consumers"]);
    checkKnownProps(this, props, PRIVATELINK_SAAS_OFFERING_PROPS);
    checkObject(this, "service", props.service);
    checkList(this, "consumers", props.consumers);
    checkItemCount(this, "consumers", props.consumers, 1);
    props.consumers.forEach((c, i) => {
      checkObject(this, `consumers[${i}]`, c);
      checkKnownProps(this, c, SAAS_CONSUMER, `consumers[${i}]`);
      requireValue(this, `consumers[${i}].name`, typeof c.name === "string" && c.name !== "" ? c.name : undefined, "a stable consumer name");
      requireValue(this, `consumers[${i}].accountId`, c.accountId, "the consumer's 12-digit account ID");
      checkAccountId(this, `consumers[${i}].accountId`, c.accountId);
      requireValue(this, `consumers[${i}].vpc`, c.vpc, "the consumer's VPC");
      // The service allows accountId; the endpoint is created by the consumer's provider: one account, or AWS refuses the endpoint.
      const creator = literalAccountOf(this, c.provider ?? c.vpc.provider);
      if (creator !== undefined && !isUnresolved(c.accountId) && creator !== c.accountId)
        throw new ValidationError(
          this,
          `consumers[${i}].accountId`,
          c.accountId,
          `the account of the consumer's provider (${creator}), which creates the endpoint: the service would allow ${c.accountId} and refuse the endpoint`,
        );
    });
    // Two names that key the same addresses would collide inside the constructs library: say which consumers.
    checkNoDuplicate(
      this,
      props.consumers,
      (i) => `consumers[${i}].name`,
      (c) => stableId(c.name),
      "a consumer name",
      (c) => c.name,
    );
    const service = { privateDnsName: props.service.privateDnsName };
    const privateDns = props.consumers.map((c, i) => checkConsumerDns(this, `consumers[${i}].`, c, service));
    const wantsPrivateDns = privateDns.some((on) => on);
    if (wantsPrivateDns && props.service.privateDnsVerificationZone === undefined) {
      throw new ValidationError(
        this,
        "service.privateDnsVerificationZone",
        undefined,
        "a zone to verify the private DNS name in, which consumers' private DNS waits for (or privateDnsEnabled: false on every consumer)",
      );
    }

    this.service = new EndpointService(this, "Service", {
      ...props.service,
      provider: props.provider,
      allowedPrincipals: [...(props.service.allowedPrincipals ?? []), ...props.consumers.map((c) => EndpointServicePrincipal.account(c.accountId))],
      // Consumers' private DNS can only be turned on once AWS has verified the name.
      waitForPrivateDnsVerification: props.service.waitForPrivateDnsVerification ?? wantsPrivateDns,
    });
    const acceptance = this.service.acceptanceRequired ? ConnectionAcceptance.byAccepter(this.service) : ConnectionAcceptance.notRequired();
    this.consumers = Object.fromEntries(
      props.consumers.map((consumer, i) => {
        // Checked here first, so that errors name the consumer as the caller wrote it.
        withPorts(this, `consumers[${i}].ports`, this.service, consumer.ports);
        remoteServiceRegion(this, `consumers[${i}].region`, this.service, consumer.region, providerOf(consumer, consumer.vpc));
        checkEndpointIpAddressType(this, `consumers[${i}].ipAddressType`, this.service, consumer.ipAddressType);
        return [
          consumer.name,
          new SaasConsumerEndpoint(this, `Consumer-${stableId(consumer.name)}`, {
            // Only what the endpoint takes: it refuses the consumer's name and accountId.
            ...propsFor(consumer, SAAS_CONSUMER_ENDPOINT_OPTIONS),
            service: this.service,
            acceptance,
          }),
        ];
      }),
    );
  }
}

const PRIVATELINK_SAAS_OFFERING_PROPS: Record<keyof PrivateLinkSaasOfferingProps, true> = { service: true, consumers: true, provider: true };

const SAAS_CONSUMER: Record<keyof SaasConsumer, true> = { ...SAAS_CONSUMER_ENDPOINT_OPTIONS, name: true, accountId: true };
