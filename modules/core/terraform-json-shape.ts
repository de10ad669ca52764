/**
 * The shape of Terraform JSON read from outside (a file, a caller's object),
 * checked before the project's Terraform reader (modules/flows/terraform)
 * reads it: that reader trusts the shape Terraform and cdktf write, so a
 * hand-edited or truncated file would otherwise fail with a JavaScript error
 * (the guardrails command: a stack trace and exit 1, which means findings), or
 * be read as empty (`"resource": 5`: no finding, an empty diagram). Each
 * problem is named by its JSON path, for the caller to report with the file
 * or the API it came through.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** Where Terraform JSON is not shaped as Terraform writes it. */
export interface JsonShapeProblem {
  /** JSON path of the wrong part, e.g. `resource.aws_vpc.x`. */
  readonly path: string;
  /** The part as found. */
  readonly value: unknown;
  /** What it must be. */
  readonly expected: string;
}

/** `<path> is <what it is>; expected <what>`. */
export function describeShapeProblem(problem: JsonShapeProblem): string {
  return `${problem.path} is ${problem.value === undefined ? "missing" : kind(problem.value)}; expected ${problem.expected}`;
}

function wrong(path: string, value: unknown, expected: string): JsonShapeProblem {
  return { path, value, expected };
}

/** The first problem with cdktf's JSON (`resource.<type>.<name>` objects and the like); undefined when its shape is readable. */
export function synthesizedJsonProblem(json: Json): JsonShapeProblem | undefined {
  for (const mode of ["resource", "data"]) {
    const byType = json[mode];
    if (byType === undefined) continue;
    if (!isObject(byType)) return wrong(mode, byType, `an object of resource types ({"aws_vpc": {"<name>": {...}}})`);
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) return wrong(`${mode}.${type}`, byName, `an object of ${type} blocks by name`);
      for (const [name, block] of Object.entries(byName))
        if (!isObject(block)) return wrong(`${mode}.${type}.${name}`, block, "an object of the block's arguments");
    }
  }
  for (const key of ["provider", "variable", "//"]) {
    const value = json[key];
    if (value !== undefined && !isObject(value)) return wrong(key, value, "an object");
  }
  const providers = (json.provider as Json | undefined)?.aws;
  if (providers !== undefined && !isObject(providers) && !(Array.isArray(providers) && providers.every(isObject)))
    return wrong("provider.aws", providers, "a provider block (an object) or a list of them");
  return undefined;
}

/** The first problem with the JSON of `terraform show -json <planfile>`; undefined when its shape is readable. */
export function planJsonProblem(json: Json): JsonShapeProblem | undefined {
  for (const key of ["planned_values", "configuration"]) {
    const part = json[key];
    if (part === undefined) continue;
    if (!isObject(part)) return wrong(key, part, "an object (the output of `terraform show -json <planfile>`)");
    if (part.root_module !== undefined && !isObject(part.root_module)) return wrong(`${key}.root_module`, part.root_module, "an object");
  }
  // Without either root module the reader says what a plan needs.
  const plannedRoot = (json.planned_values as Json | undefined)?.root_module;
  const configuredRoot = (json.configuration as Json | undefined)?.root_module;
  if (!isObject(plannedRoot) || !isObject(configuredRoot)) return undefined;
  const planned = plannedModuleProblem("planned_values.root_module", plannedRoot);
  if (planned !== undefined) return planned;
  const changes = listOfObjects("resource_changes", json.resource_changes, ["address"]);
  if (changes !== undefined) return changes;
  const configuration = json.configuration as Json;
  const providers = configuration.provider_config;
  if (providers !== undefined) {
    if (!isObject(providers)) return wrong("configuration.provider_config", providers, "an object of provider configurations");
    for (const [key, provider] of Object.entries(providers))
      if (!isObject(provider)) return wrong(`configuration.provider_config.${key}`, provider, "an object");
  }
  return configuredModuleProblem("configuration.root_module", configuredRoot);
}

function plannedModuleProblem(path: string, module: Json): JsonShapeProblem | undefined {
  const resources = listOfObjects(`${path}.resources`, module.resources, ["address", "type", "name"]);
  if (resources !== undefined) return resources;
  for (const [i, resource] of ((module.resources ?? []) as Json[]).entries())
    if (resource.values !== undefined && resource.values !== null && !isObject(resource.values))
      return wrong(`${path}.resources[${i}].values`, resource.values, "an object of the resource's attributes");
  const children = listOfObjects(`${path}.child_modules`, module.child_modules, []);
  if (children !== undefined) return children;
  for (const [i, child] of ((module.child_modules ?? []) as Json[]).entries()) {
    const problem = plannedModuleProblem(`${path}.child_modules[${i}]`, child);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function configuredModuleProblem(path: string, module: Json): JsonShapeProblem | undefined {
  const resources = listOfObjects(`${path}.resources`, module.resources, ["address"]);
  if (resources !== undefined) return resources;
  for (const [i, resource] of ((module.resources ?? []) as Json[]).entries())
    if (resource.expressions !== undefined && !isObject(resource.expressions))
      return wrong(`${path}.resources[${i}].expressions`, resource.expressions, "an object of the resource's expressions");
  const calls = module.module_calls;
  if (calls === undefined) return undefined;
  if (!isObject(calls)) return wrong(`${path}.module_calls`, calls, "an object of module calls by name");
  for (const [name, call] of Object.entries(calls)) {
    if (!isObject(call)) return wrong(`${path}.module_calls.${name}`, call, "an object");
    if (call.module === undefined) continue;
    if (!isObject(call.module)) return wrong(`${path}.module_calls.${name}.module`, call.module, "an object");
    const problem = configuredModuleProblem(`${path}.module_calls.${name}.module`, call.module);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** A problem unless the value is absent or a list of objects, each with the given string keys. */
function listOfObjects(path: string, value: unknown, keys: readonly string[]): JsonShapeProblem | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return wrong(path, value, "a list");
  for (const [i, item] of value.entries()) {
    if (!isObject(item)) return wrong(`${path}[${i}]`, item, "an object");
    for (const key of keys) if (typeof item[key] !== "string") return wrong(`${path}[${i}].${key}`, item[key], "a string");
  }
  return undefined;
}
