import { Annotations, TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { VpclatticeListener, VpclatticeListenerDefaultAction } from "@cdktf/provider-aws/lib/vpclattice-listener";
import { VpclatticeListenerRule, VpclatticeListenerRuleAction, VpclatticeListenerRuleMatchHttpMatch } from "@cdktf/provider-aws/lib/vpclattice-listener-rule";
import {
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkIntegerRange,
  checkItemCount,
  checkLength,
  checkOneOf,
  checkPattern,
  checkPort,
  isUnresolved,
  providerOf,
  stableId,
  ValidationError,
} from "../core";
import { LATTICE_HTTP_METHODS, LatticeHttpMethod } from "./auth-policy";
import { ILatticeService, ILatticeTargetGroup } from "./interfaces";
import { checkLatticeName } from "./names";

/**
 * Listener protocol (`protocol`): HTTP and HTTPS route on the request; TLS_PASSTHROUGH forwards TLS unopened to TCP targets.
 */
export type ListenerProtocol = "HTTP" | "HTTPS" | "TLS_PASSTHROUGH";

const LISTENER_PROTOCOLS: readonly ListenerProtocol[] = ["HTTP", "HTTPS", "TLS_PASSTHROUGH"];
/** Per app, the service that routes to each target group: AWS lets a target group serve one service only. */
const targetGroupServices = new AppRegistry<ILatticeTargetGroup, { readonly service: ILatticeService; readonly path: string }>();

/** A target group and its share of a forward action. */
export interface WeightedTargetGroup {
  /** The target group receiving this share of the requests. */
  readonly targetGroup: ILatticeTargetGroup;
  /** Relative share, 0 to 999; 0 keeps the group attached but idle (a drained blue). @default 100 */
  readonly weight?: number;
}

/** What a listener or a rule does with a request. */
export class ListenerAction {
  /** Everything to one target group. */
  public static forward(targetGroup: ILatticeTargetGroup): ListenerAction {
    return new ListenerAction([{ targetGroup }], undefined);
  }

  /** Splits requests between 1 to 10 target groups by weight. */
  public static weightedForward(targetGroups: readonly WeightedTargetGroup[]): ListenerAction {
    return new ListenerAction(targetGroups, undefined);
  }

  /** Answers with a status code and no body, without reaching a target (HTTP and HTTPS listeners only). */
  public static fixedResponse(statusCode: number): ListenerAction {
    return new ListenerAction([], statusCode);
  }

  private constructor(
    /** Empty for fixed responses. */
    public readonly targetGroups: readonly WeightedTargetGroup[],
    /** HTTP status code of a fixed response, 100-599; undefined for forward actions. */
    public readonly statusCode: number | undefined,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string, protocol: ListenerProtocol): void {
    if (this.statusCode !== undefined) {
      checkIntegerRange(scope, `${prop}.statusCode`, this.statusCode, 100, 599);
      if (protocol === "TLS_PASSTHROUGH") {
        throw new ValidationError(scope, prop, `a fixed ${this.statusCode} response`, "a forward action: a TLS_PASSTHROUGH listener cannot read the request to answer it");
      }
      return;
    }
    checkItemCount(scope, `${prop}.targetGroups`, this.targetGroups, 1, 10);
    const weights = this.targetGroups.map((t) => t.weight ?? 100);
    weights.forEach((w, i) => checkIntegerRange(scope, `${prop}.targetGroups[${i}].weight`, w, 0, 999));
    if (!weights.some(isUnresolved) && weights.every((w) => w === 0)) {
      throw new ValidationError(scope, `${prop}.targetGroups`, weights, "at least one weight above 0 (with all weights at 0 no request is served)");
    }
    const arns = this.targetGroups.map((t) => t.targetGroup.targetGroupArn).filter((arn) => !isUnresolved(arn));
    const twice = arns.find((arn, i) => arns.indexOf(arn) !== i);
    if (twice !== undefined) throw new ValidationError(scope, `${prop}.targetGroups`, twice, "each target group once (merge the weights)");
    const tcp = protocol === "TLS_PASSTHROUGH";
    this.targetGroups.forEach(({ targetGroup }, i) => {
      if (targetGroup.type !== "LAMBDA" && targetGroup.protocol === undefined) return;
      if ((targetGroup.protocol === "TCP") !== tcp) {
        const shown = targetGroup.type === "LAMBDA" ? "a LAMBDA target group" : `a ${targetGroup.protocol} target group`;
        throw new ValidationError(scope, `${prop}.targetGroups[${i}]`, shown, tcp ? "a TCP target group behind a TLS_PASSTHROUGH listener" : `an HTTP, HTTPS or LAMBDA target group behind an ${protocol} listener`);
      }
    });
  }

  /** The listener's `default_action` block. @internal */
  public renderDefault(): VpclatticeListenerDefaultAction {
    return this.statusCode !== undefined ? { fixedResponse: { statusCode: this.statusCode } } : { forward: [{ targetGroups: this.renderTargets() }] };
  }

  /** A rule's `action` block. @internal */
  public renderRule(): VpclatticeListenerRuleAction {
    return this.statusCode !== undefined ? { fixedResponse: { statusCode: this.statusCode } } : { forward: { targetGroups: this.renderTargets() } };
  }

  private renderTargets(): { targetGroupIdentifier: string; weight: number }[] {
    return this.targetGroups.map((t) => ({ targetGroupIdentifier: t.targetGroup.targetGroupId, weight: t.weight ?? 100 }));
  }
}

/** A condition on the request path. */
export class PathMatch {
  /** The path and everything below it: `/api` matches `/api` and `/api/orders`. */
  public static prefix(path: string, options: { readonly caseSensitive?: boolean } = {}): PathMatch {
    return new PathMatch("prefix", path, options.caseSensitive ?? false);
  }

  /** Exactly this path. */
  public static exact(path: string, options: { readonly caseSensitive?: boolean } = {}): PathMatch {
    return new PathMatch("exact", path, options.caseSensitive ?? false);
  }

  private constructor(
    /** Whether `path` is matched as a prefix or exactly (`match.http_match.path_match.match.prefix`/`exact`). */
    public readonly kind: "prefix" | "exact",
    /** The path to match, starting with `/`, 1-200 characters. */
    public readonly path: string,
    /** Whether the match is case-sensitive (`case_sensitive`); false unless asked for. */
    public readonly caseSensitive: boolean,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string): void {
    checkLength(scope, prop, this.path, 1, 200);
    checkPattern(scope, prop, this.path, /^\//, "a path starting with / such as /api/orders");
    checkPattern(scope, prop, this.path, /^\/[a-zA-Z0-9@:%_+.~#?&/=-]*$/, "a path of letters, digits and @:%_+.~#?&/=- only");
  }
}

/** A condition on one request header. */
export class HeaderMatch {
  /** Header `name` equals `value`; case-insensitive unless `options.caseSensitive`. */
  public static exact(name: string, value: string, options: { readonly caseSensitive?: boolean } = {}): HeaderMatch {
    return new HeaderMatch(name, "exact", value, options.caseSensitive ?? false);
  }

  /** Header `name` starts with `value`; case-insensitive unless `options.caseSensitive`. */
  public static prefix(name: string, value: string, options: { readonly caseSensitive?: boolean } = {}): HeaderMatch {
    return new HeaderMatch(name, "prefix", value, options.caseSensitive ?? false);
  }

  /** Header `name` contains `value`; case-insensitive unless `options.caseSensitive`. */
  public static contains(name: string, value: string, options: { readonly caseSensitive?: boolean } = {}): HeaderMatch {
    return new HeaderMatch(name, "contains", value, options.caseSensitive ?? false);
  }

  private constructor(
    /** The header name, 1-40 characters. */
    public readonly name: string,
    /** How `value` is compared with the header's value. */
    public readonly kind: "exact" | "prefix" | "contains",
    /** The value to compare with, 1-128 characters. */
    public readonly value: string,
    /** Whether the comparison is case-sensitive (`case_sensitive`); false unless asked for. */
    public readonly caseSensitive: boolean,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string): void {
    checkLength(scope, `${prop}.name`, this.name, 1, 40);
    checkPattern(scope, `${prop}.name`, this.name, /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)");
    checkLength(scope, `${prop}.value`, this.value, 1, 128);
  }
}

/** The conditions of a rule; every given condition must hold. */
export interface RuleMatch {
  /** @default - any path */
  readonly path?: PathMatch;
  /** Up to 5 header conditions. @default - no header condition */
  readonly headers?: readonly HeaderMatch[];
  /** @default - any method */
  readonly method?: LatticeHttpMethod;
}

/** A listener rule (`aws_vpclattice_listener_rule`): requests matching `match` get `action`. */
export interface ListenerRuleOptions {
  /** 3 to 63 lowercase letters, digits and single hyphens, not starting with "rule-"; also keys the rule's Terraform address. */
  readonly name: string;
  /** 1 (evaluated first) to 100, unique in the listener. */
  readonly priority: number;
  /** The conditions; at least one of path, headers or method. */
  readonly match: RuleMatch;
  /** What matching requests get: a forward to target groups or a fixed response. */
  readonly action: ListenerAction;
}

/** A rule as recorded by its listener, for callers that reason about routing (such as auth-policy derivation). */
export interface ListenerRuleDefinition extends ListenerRuleOptions {
  /** The listener the rule belongs to. */
  readonly listener: Listener;
}

/** A listener of a service, as LatticeService.addListener takes it. */
export interface ListenerOptions {
  /**
   * HTTP, HTTPS or TLS_PASSTHROUGH; HTTPS with a custom domain needs the service's certificate, TLS_PASSTHROUGH needs a custom domain.
   */
  readonly protocol: ListenerProtocol;
  /** @default 80 for HTTP, 443 for HTTPS and TLS_PASSTHROUGH */
  readonly port?: number;
  /** 3 to 63 lowercase letters, digits and single hyphens, not starting with "listener-". @default `<protocol>-<port>`, e.g. "https-443" */
  readonly name?: string;
  /** What requests no rule matches get. */
  readonly defaultAction: ListenerAction;
  /** @default - none; add with addRule() */
  readonly rules?: readonly ListenerRuleOptions[];
}

export interface ListenerProps extends ListenerOptions, AwsResourceProps {
  /** The service the listener belongs to (`service_identifier`); its provider is used unless `provider` is given. */
  readonly service: ILatticeService;
}

/**
 * A listener of a VPC Lattice service and its rules. HTTP and HTTPS
 * listeners route on path, headers and method; a TLS_PASSTHROUGH listener
 * cannot see the request, so it only forwards to TCP target groups.
 *
 * Creates: aws_vpclattice_listener, aws_vpclattice_listener_rule.
 */
export class Listener extends Construct {
  /** The underlying `aws_vpclattice_listener`, as an escape hatch. */
  public readonly resource: VpclatticeListener;
  /** Listener ID (`listener-...`), known at apply. */
  public readonly listenerId: string;
  /** Listener ARN, known at apply. */
  public readonly listenerArn: string;
  /** The listener's protocol. */
  public readonly protocol: ListenerProtocol;
  /** The port clients connect to, 1-65535. */
  public readonly port: number;
  /** The listener's name, given or `<protocol>-<port>`. */
  public readonly name: string;
  /** What requests no rule matches get. */
  public readonly defaultAction: ListenerAction;
  /** The service the listener belongs to. */
  public readonly service: ILatticeService;
  private readonly provider?: TerraformProvider;
  private readonly ruleDefinitions: ListenerRuleDefinition[] = [];

  constructor(scope: Construct, id: string, props: ListenerProps) {
    super(scope, id);
    checkOneOf(this, "protocol", props.protocol, LISTENER_PROTOCOLS);
    checkPort(this, "port", props.port);
    this.protocol = props.protocol;
    this.port = listenerPort(props);
    const name = listenerName(props);
    checkLatticeName(this, "name", name, { min: 3, max: 63, reservedPrefix: "listener-" });
    props.defaultAction.validate(this, "defaultAction", props.protocol);
    this.service = props.service;
    this.claimTargetGroups("defaultAction", props.defaultAction);
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
      tags: { Name: name },
    });
    this.listenerId = this.resource.listenerId;
    this.listenerArn = this.resource.arn;
    for (const rule of props.rules ?? []) this.addRule(rule);
  }

  /** The rules added so far, in the order they were added. */
  public get rules(): readonly ListenerRuleDefinition[] {
    return this.ruleDefinitions;
  }

  /** Adds a routing rule; its name keys the Terraform address, so keep it stable. */
  public addRule(rule: ListenerRuleOptions): VpclatticeListenerRule {
    const prop = `rules.${rule.name}`;
    if (this.protocol === "TLS_PASSTHROUGH") {
      throw new ValidationError(this, prop, describeMatch(rule.match), "no rules: a TLS_PASSTHROUGH listener cannot match paths, headers or methods (use the default action)");
    }
    checkLatticeName(this, `${prop}.name`, rule.name, { min: 3, max: 63, reservedPrefix: "rule-" });
    checkIntegerRange(this, `${prop}.priority`, rule.priority, 1, 100);
    const clash = this.ruleDefinitions.find((r) => r.priority === rule.priority && !isUnresolved(rule.priority));
    if (clash !== undefined) {
      throw new ValidationError(this, `${prop}.priority`, rule.priority, `a priority no other rule of the listener uses (rule "${clash.name}" has it)`);
    }
    if (this.ruleDefinitions.some((r) => r.name === rule.name)) {
      throw new ValidationError(this, `${prop}.name`, rule.name, "a rule name unique in the listener");
    }
    checkMatch(this, `${prop}.match`, rule.match);
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
      tags: { Name: rule.name },
    });
    this.ruleDefinitions.push({ ...rule, listener: this });
    if (this.ruleDefinitions.length === AWS_DEFAULT_QUOTAS.rulesPerLatticeListener + 1) {
      Annotations.of(this).addWarning(
        `More than ${AWS_DEFAULT_QUOTAS.rulesPerLatticeListener} rules: above the default VPC Lattice quota of rules per listener; request an increase before deploying.`,
      );
    }
    return resource;
  }

  private claimTargetGroups(prop: string, action: ListenerAction): void {
    const owners = targetGroupServices.of(this);
    action.targetGroups.forEach(({ targetGroup }, i) => {
      const owner = owners.get(targetGroup);
      if (owner !== undefined && !sameService(owner.service, this.service)) {
        const shown = isUnresolved(targetGroup.targetGroupArn) && "node" in targetGroup ? (targetGroup as IConstruct).node.path : targetGroup.targetGroupArn;
        throw new ValidationError(this, `${prop}.targetGroups[${i}]`, shown, `a target group no other service routes to (${owner.path} does; AWS lets a target group serve one service)`);
      }
      owners.set(targetGroup, { service: this.service, path: this.node.path });
    });
  }
}

/** The port a listener gets when none is given. */
export function listenerPort(options: ListenerOptions): number {
  return options.port ?? (options.protocol === "HTTP" ? 80 : 443);
}

/** The name a listener gets when none is given: `https-443`, `tls-passthrough-8443`. */
export function listenerName(options: ListenerOptions): string {
  return options.name ?? `${options.protocol.toLowerCase().replace("_", "-")}-${listenerPort(options)}`;
}

function sameService(a: ILatticeService, b: ILatticeService): boolean {
  return a === b || (!isUnresolved(a.serviceArn) && a.serviceArn === b.serviceArn);
}

function checkMatch(scope: Construct, prop: string, match: RuleMatch): void {
  if (match.path === undefined && (match.headers ?? []).length === 0 && match.method === undefined) {
    throw new ValidationError(scope, prop, match, "at least one of path, headers or method (a rule without conditions is the default action)");
  }
  match.path?.validate(scope, `${prop}.path`);
  checkItemCount(scope, `${prop}.headers`, match.headers, 0, 5);
  match.headers?.forEach((h, i) => h.validate(scope, `${prop}.headers[${i}]`));
  checkOneOf(scope, `${prop}.method`, match.method, LATTICE_HTTP_METHODS);
}

function renderMatch(match: RuleMatch): VpclatticeListenerRuleMatchHttpMatch {
  const { path, headers, method } = match;
  return {
    method,
    pathMatch: path === undefined ? undefined : { caseSensitive: path.caseSensitive, match: { [path.kind]: path.path } },
    headerMatches:
      headers === undefined || headers.length === 0
        ? undefined
        : headers.map((h) => ({ name: h.name, caseSensitive: h.caseSensitive, match: { [h.kind]: h.value } })),
  };
}

function describeMatch(match: RuleMatch): string {
  const parts = [
    match.path === undefined ? undefined : `path ${match.path.kind} ${match.path.path}`,
    ...(match.headers ?? []).map((h) => `header ${h.name}`),
    match.method === undefined ? undefined : `method ${match.method}`,
  ];
  return `a rule matching ${parts.filter((p) => p !== undefined).join(", ") || "nothing"}`;
}
