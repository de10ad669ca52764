import { Annotations, TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { VpclatticeListener } from "@cdktf/provider-aws/lib/vpclattice-listener";
import { VpclatticeListenerRule } from "@cdktf/provider-aws/lib/vpclattice-listener-rule";
import {
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkInstance,
  checkIntegerRange,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkPort,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  parseArn,
  providerOf,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../core";
import { ILatticeService } from "./interfaces";
import { checkLatticeName } from "./names";
import { tagsWithName } from "./placement";
import { describeTargetGroup, LatticeListenerAction, targetGroupIdentity } from "./listener-action";
import { checkMatch, coversMatch, describeMatch, matchKey, renderMatch, RuleMatch } from "./rule-match";

/**
 * Listener protocol (`protocol`): HTTP and HTTPS route on the request; TLS_PASSTHROUGH forwards TLS unopened to TCP targets.
 */
export type LatticeListenerProtocol = "HTTP" | "HTTPS" | "TLS_PASSTHROUGH";

const LISTENER_PROTOCOLS: readonly LatticeListenerProtocol[] = ["HTTP", "HTTPS", "TLS_PASSTHROUGH"];
/** Per app, the service that routes to each target group: AWS lets a target group serve one service only. */
const targetGroupServices = new AppRegistry<ReturnType<typeof targetGroupIdentity>, { readonly service: ILatticeService; readonly path: string }>();
/** Per app, the listeners of each service, in the order they were made, however they were made (addListener or new LatticeListener). */
const serviceListeners = new AppRegistry<ILatticeService, LatticeListener[]>();

/** The listeners made for `service` in the app of `scope`, in order. @internal */
export function listenersOf(scope: IConstruct, service: ILatticeService): readonly LatticeListener[] {
  return serviceListeners.of(scope).get(service) ?? [];
}

/**
 * A service that checks each listener made for it against its own settings
 * (custom domain, certificate, auth policy) before the listener exists. @internal
 */
export interface LatticeListenerHost {
  /** Fails on a listener the service cannot serve. */
  checkListener(listener: { readonly protocol: LatticeListenerProtocol; readonly port: number; readonly name: string }): void;
}

function isListenerHost(service: ILatticeService): service is ILatticeService & LatticeListenerHost {
  return typeof (service as Partial<LatticeListenerHost>).checkListener === "function";
}

/** A listener rule (`aws_vpclattice_listener_rule`): requests matching `match` get `action`. */
export interface LatticeListenerRuleOptions {
  /** 3 to 63 lowercase letters, digits and single hyphens, not starting with "rule-"; also keys the rule's Terraform address. */
  readonly name: string;
  /** 1 (evaluated first) to 100, unique in the listener. */
  readonly priority: number;
  /** The conditions; at least one of path, headers or method. */
  readonly match: RuleMatch;
  /** What matching requests get: a forward to target groups or a fixed response. */
  readonly action: LatticeListenerAction;
}

/** A rule as recorded by its listener, for callers that reason about routing (such as auth-policy derivation). */
export interface LatticeListenerRuleDefinition extends LatticeListenerRuleOptions {
  /** The listener the rule belongs to. */
  readonly listener: LatticeListener;
}

/** A listener of a service, as LatticeService.addListener takes it. */
export interface LatticeListenerOptions {
  /**
   * HTTP, HTTPS or TLS_PASSTHROUGH; HTTPS with a custom domain needs the service's certificate, TLS_PASSTHROUGH needs a custom domain.
   */
  readonly protocol: LatticeListenerProtocol;
  /** @default 80 for HTTP, 443 for HTTPS and TLS_PASSTHROUGH */
  readonly port?: number;
  /** 3 to 63 lowercase letters, digits and single hyphens, not starting with "listener-". @default `<protocol>-<port>`, e.g. "https-443" */
  readonly name?: string;
  /** What requests no rule matches get. */
  readonly defaultAction: LatticeListenerAction;
  /** @default - none; add with addRule() */
  readonly rules?: readonly LatticeListenerRuleOptions[];
  /** Tags of the listener and its rules (Name is set to each one's name unless given). @default - the service's tags */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface LatticeListenerProps extends LatticeListenerOptions, AwsResourceProps {
  /** The service the listener belongs to (`service_identifier`); its provider is used unless `provider` is given. */
  readonly service: ILatticeService;
}

/** What LatticeService.addListener takes. @internal */
export const LATTICE_LISTENER_OPTIONS: Record<keyof LatticeListenerOptions, true> = {
  protocol: true,
  port: true,
  name: true,
  defaultAction: true,
  rules: true,
  tags: true,
};

const LATTICE_LISTENER_PROPS: Record<keyof LatticeListenerProps, true> = { ...LATTICE_LISTENER_OPTIONS, service: true, provider: true };

const LATTICE_LISTENER_RULE_OPTIONS: Record<keyof LatticeListenerRuleOptions, true> = { name: true, priority: true, match: true, action: true };

/**
 * A listener of a VPC Lattice service and its rules. HTTP and HTTPS
 * listeners route on path, headers and method; a TLS_PASSTHROUGH listener
 * cannot see the request, so it only forwards to TCP target groups.
 *
 * Creates: aws_vpclattice_listener, aws_vpclattice_listener_rule.
 */
export class LatticeListener extends Construct {
  /** The underlying `aws_vpclattice_listener`, as an escape hatch. */
  public readonly resource: VpclatticeListener;
  /** Listener ID (`listener-...`), known at apply. */
  public readonly listenerId: string;
  /** Listener ARN, known at apply. */
  public readonly listenerArn: string;
  /** The listener's protocol. */
  public readonly protocol: LatticeListenerProtocol;
  /** The port clients connect to, 1-65535. */
  public readonly port: number;
  /** The listener's name, given or `<protocol>-<port>`. */
  public readonly name: string;
  /** What requests no rule matches get. */
  public readonly defaultAction: LatticeListenerAction;
  /** The service the listener belongs to. */
  public readonly service: ILatticeService;
  private readonly provider?: TerraformProvider;
  private readonly tags?: Readonly<Record<string, string>>;
  private readonly ruleDefinitions: LatticeListenerRuleDefinition[] = [];

  constructor(scope: Construct, id: string, props: LatticeListenerProps) {
    super(scope, id);
    requireProps(this, props, ["service", "protocol", "defaultAction"]);
    checkKnownProps(this, props, LATTICE_LISTENER_PROPS);
    checkOneOf(this, "protocol", props.protocol, LISTENER_PROTOCOLS);
    checkPort(this, "port", props.port);
    this.protocol = props.protocol;
    this.port = listenerPort(props);
    const name = listenerName(props);
    checkLatticeName(this, "name", name, { min: 3, max: 63, reservedPrefix: "listener-" });
    checkInstance(this, "defaultAction", props.defaultAction, isListenerAction, "LatticeListenerAction.forward, weightedForward or fixedResponse");
    props.defaultAction.validate(this, "defaultAction", props.protocol);
    checkObject(this, "service", props.service);
    // A JavaScript caller's object literal ({ serviceArn }) has no ID: the listener would name no service.
    requireValue(
      this,
      "service.serviceId",
      props.service.serviceId,
      "the ID of a LatticeService, or of one imported with LatticeService.fromLatticeServiceAttributes(...) (the listener names its service by it)",
    );
    this.service = props.service;
    const siblings = this.checkPlace({ protocol: props.protocol, port: this.port, name });
    this.claimTargetGroups("defaultAction", props.defaultAction);
    siblings.push(this);
    this.warnOverListenerQuota(siblings.length);
    this.name = name;
    this.defaultAction = props.defaultAction;
    this.provider = providerOf(props, props.service);

    this.resource = new VpclatticeListener(this, "Resource", {
      provider: this.provider,
      serviceIdentifier: props.service.serviceId,
      name,
      protocol: props.protocol,
      port: this.port,
      defaultAction: props.defaultAction.renderDefault(),
      tags: tagsWithName(this, name, props.tags),
    });
    this.tags = props.tags;
    this.listenerId = this.resource.listenerId;
    this.listenerArn = this.resource.arn;
    for (const rule of checkList(this, "rules", props.rules) ?? []) this.addRule(rule);
  }

  /** The rules added so far, in the order they were added. */
  public get rules(): readonly LatticeListenerRuleDefinition[] {
    return this.ruleDefinitions;
  }

  /** Adds a routing rule; its name keys the Terraform address, so keep it stable. */
  public addRule(rule: LatticeListenerRuleOptions): VpclatticeListenerRule {
    requireProps(this, rule, ["name", "priority", "match", "action"]);
    const prop = `rules.${rule.name}`;
    checkKnownProps(this, rule, LATTICE_LISTENER_RULE_OPTIONS, prop);
    if (this.protocol === "TLS_PASSTHROUGH") {
      throw new ValidationError(
        this,
        prop,
        describeMatch(rule.match),
        "no rules: a TLS_PASSTHROUGH listener cannot match paths, headers or methods (use the default action)",
      );
    }
    checkLatticeName(this, `${prop}.name`, rule.name, { min: 3, max: 63, reservedPrefix: "rule-" });
    checkIntegerRange(this, `${prop}.priority`, rule.priority, 1, 100);
    const clash = this.ruleDefinitions.find((r) => r.priority === rule.priority && !isUnresolved(rule.priority));
    if (clash !== undefined) {
      throw new ValidationError(
        this,
        `${prop}.priority`,
        rule.priority,
        `a priority no other rule of the listener uses (rule "${clash.name}" has it)`,
      );
    }
    if (this.ruleDefinitions.some((r) => r.name === rule.name)) {
      throw new ValidationError(this, `${prop}.name`, rule.name, "a rule name unique in the listener");
    }
    checkMatch(this, `${prop}.match`, rule.match);
    const key = matchKey(rule.match);
    const shadowing = this.ruleDefinitions.find((r) => matchKey(r.match) === key);
    if (shadowing !== undefined) {
      throw new ValidationError(
        this,
        `${prop}.match`,
        describeMatch(rule.match),
        `a match no other rule of the listener has (rule "${shadowing.name}" matches the same requests; whichever has the higher priority number would never be reached)`,
      );
    }
    this.checkNotShadowed(rule);
    checkInstance(this, `${prop}.action`, rule.action, isListenerAction, "LatticeListenerAction.forward, weightedForward or fixedResponse");
    rule.action.validate(this, `${prop}.action`, this.protocol);
    this.claimTargetGroups(`${prop}.action`, rule.action);

    const resource = new VpclatticeListenerRule(this, `Rule-${stableId(rule.name)}`, {
      provider: this.provider,
      serviceIdentifier: this.service.serviceId,
      listenerIdentifier: this.listenerId,
      name: rule.name,
      priority: rule.priority,
      match: { httpMatch: renderMatch(rule.match) },
      action: rule.action.renderRule(),
      tags: tagsWithName(this, rule.name, this.tags),
    });
    this.ruleDefinitions.push({ ...rule, listener: this });
    if (this.ruleDefinitions.length === AWS_DEFAULT_QUOTAS.rulesPerLatticeListener + 1) {
      Annotations.of(this).addWarning(
        `More than ${AWS_DEFAULT_QUOTAS.rulesPerLatticeListener} rules: above the default VPC Lattice quota of rules per listener; request an increase before deploying.`,
      );
    }
    return resource;
  }

  /**
   * Fails when a rule evaluated first (a lower priority number) matches
   * every request the other matches (see {@link coversMatch}), whichever
   * of the two is added first: the other would never be reached. The error
   * names the rule that is never reached.
   */
  private checkNotShadowed(rule: LatticeListenerRuleOptions): void {
    if (isUnresolved(rule.priority)) return;
    for (const other of this.ruleDefinitions) {
      if (isUnresolved(other.priority)) continue;
      const [first, second] = other.priority < rule.priority ? [other, rule] : [rule, other];
      if (!coversMatch(first.match, second.match)) continue;
      throw new ValidationError(
        this,
        `rules.${second.name}.match`,
        describeMatch(second.match),
        `a match that rule "${first.name}" (priority ${first.priority}, ${describeMatch(first.match).replace(/^a rule /, "")}) does not cover: it is evaluated first and matches every request this rule (priority ${second.priority}) matches, so this rule would never be reached; give it a lower priority number than "${first.name}", or narrow "${first.name}"`,
      );
    }
  }

  /** The service's construct when it is one (errors and warnings about its listeners name it), else the listener. */
  private get serviceScope(): IConstruct {
    return Construct.isConstruct(this.service) ? this.service : this;
  }

  /**
   * Fails on a listener the service cannot take (its own checks, a port
   * another of its listeners has); returns the service's listeners, which
   * the listener joins once it is valid.
   */
  private checkPlace(listener: { readonly protocol: LatticeListenerProtocol; readonly port: number; readonly name: string }): LatticeListener[] {
    if (isListenerHost(this.service)) this.service.checkListener(listener);
    const listeners = serviceListeners.of(this);
    const siblings = listeners.get(this.service) ?? [];
    listeners.set(this.service, siblings);
    checkListenerPort(this.serviceScope, this.service, listener.port);
    return siblings;
  }

  private warnOverListenerQuota(count: number): void {
    if (count === AWS_DEFAULT_QUOTAS.listenersPerLatticeService + 1) {
      Annotations.of(this.serviceScope).addWarning(
        `More than ${AWS_DEFAULT_QUOTAS.listenersPerLatticeService} listeners: above the default VPC Lattice quota of listeners per service; request an increase before deploying.`,
      );
    }
  }

  private claimTargetGroups(prop: string, action: LatticeListenerAction): void {
    const owners = targetGroupServices.of(this);
    const serviceAccount = accountOf(this, this.service.serviceArn, this.service.provider);
    const serviceRegion = regionOf(this, this.service.serviceArn, this.service.provider);
    action.targetGroups.forEach(({ targetGroup }, i) => {
      const groupRegion = regionOf(this, targetGroup.targetGroupArn, targetGroup.provider);
      if (serviceRegion !== undefined && groupRegion !== undefined && serviceRegion !== groupRegion) {
        throw new ValidationError(
          this,
          `${prop}.targetGroups[${i}]`,
          describeTargetGroup(targetGroup),
          `a target group of ${serviceRegion}, the service's region (VPC Lattice forwards only to target groups of the service's own region; this one is in ${groupRegion})`,
        );
      }
      const groupAccount = accountOf(this, targetGroup.targetGroupArn, targetGroup.provider);
      if (serviceAccount !== undefined && groupAccount !== undefined && serviceAccount !== groupAccount) {
        throw new ValidationError(
          this,
          `${prop}.targetGroups[${i}]`,
          describeTargetGroup(targetGroup),
          `a target group of account ${serviceAccount}, the service's (AWS forwards only to target groups of the service's own account; not ${groupAccount})`,
        );
      }
      const identity = targetGroupIdentity(targetGroup);
      const owner = owners.get(identity);
      if (owner !== undefined && !sameService(owner.service, this.service)) {
        throw new ValidationError(
          this,
          `${prop}.targetGroups[${i}]`,
          describeTargetGroup(targetGroup),
          `a target group no other service routes to (${owner.path} does; AWS lets a target group serve one service)`,
        );
      }
      owners.set(identity, { service: this.service, path: this.node.path });
    });
  }
}

/** Fails when another listener of the service has the port (errors name `scope`). @internal */
export function checkListenerPort(scope: IConstruct, service: ILatticeService, port: number): void {
  const samePort = listenersOf(scope, service).find((l) => l.port === port);
  if (!isUnresolved(port) && samePort !== undefined) {
    throw new ValidationError(scope, "listeners.port", port, `a port no other listener of the service uses (listener "${samePort.name}" has it)`);
  }
}

/** The port a listener gets when none is given. */
export function listenerPort(options: LatticeListenerOptions): number {
  return options.port ?? (options.protocol === "HTTP" ? 80 : 443);
}

/** The name a listener gets when none is given: `https-443`, `tls-passthrough-8443`. */
export function listenerName(options: LatticeListenerOptions): string {
  return options.name ?? `${options.protocol.toLowerCase().replace("_", "-")}-${listenerPort(options)}`;
}

/** The account of a resource: from its literal ARN, else from the one account its provider allows. */
function accountOf(scope: IConstruct, arn: string, provider: TerraformProvider | undefined): string | undefined {
  if (!isUnresolved(arn)) return parseArn(arn)?.account || undefined;
  return literalAccountOf(scope, provider);
}

/** The region of a service or target group: its literal ARN's, else its provider's (undefined when neither is known). */
function regionOf(scope: IConstruct, arn: string, provider: TerraformProvider | undefined): string | undefined {
  if (!isUnresolved(arn)) return parseArn(arn)?.region || undefined;
  const region = literalRegionOf(scope, provider);
  return region === undefined || isUnresolved(region) ? undefined : region;
}

function isListenerAction(value: unknown): value is LatticeListenerAction {
  return value instanceof LatticeListenerAction;
}

function sameService(a: ILatticeService, b: ILatticeService): boolean {
  return a === b || (!isUnresolved(a.serviceArn) && a.serviceArn === b.serviceArn);
}
