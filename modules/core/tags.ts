import { Aspects, IAspect } from "cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { isUnresolved } from "./tokens";

type TagMap = { [key: string]: string };

/** Characters AWS allows in tag keys and values: letters, digits, spaces and `_.:/=+-@`. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

interface Taggable {
  tags?: TagMap;
  readonly tagsInput?: TagMap;
}

function isTaggable(node: IConstruct): node is IConstruct & Taggable {
  return "tagsInput" in node;
}

/**
 * Fails unless `tags` is absent or a map AWS accepts: keys of 1 to 128
 * characters that do not start with `aws:` (reserved for AWS), values of at
 * most 256, both in AWS's tag character set. Keys and values only Terraform
 * knows are skipped. Returns the map, narrowed.
 */
export function checkTags(scope: IConstruct, prop: string, tags: { readonly [key: string]: string } | undefined): { readonly [key: string]: string } | undefined {
  if (tags === undefined || isUnresolved(tags)) return tags;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) throw new ValidationError(scope, prop, tags, "a map of tag keys to values, such as { team: \"payments\" }");
  for (const [key, value] of Object.entries(tags)) {
    if (!isUnresolved(key)) {
      if (key.length < 1 || key.length > 128) throw new ValidationError(scope, `${prop}.${key}`, key, `a tag key of 1 to 128 characters (got ${key.length})`);
      if (key.toLowerCase().startsWith("aws:")) throw new ValidationError(scope, `${prop}.${key}`, key, "a tag key that does not start with aws: (AWS reserves the prefix)");
      if (!TAG_CHARACTERS.test(key)) throw new ValidationError(scope, `${prop}.${key}`, key, "letters, digits, spaces and _.:/=+-@ only, as AWS requires of tag keys");
    }
    if (isUnresolved(value)) continue;
    if (typeof value !== "string") throw new ValidationError(scope, `${prop}.${key}`, value, "a string tag value");
    if (value.length > 256) throw new ValidationError(scope, `${prop}.${key}`, value, `a tag value of at most 256 characters (got ${value.length})`);
    if (!TAG_CHARACTERS.test(value)) throw new ValidationError(scope, `${prop}.${key}`, value, "letters, digits, spaces and _.:/=+-@ only, as AWS requires of tag values");
  }
  return tags;
}

/** For each resource, the tags that aspects set and the depth of the scope that set each. */
const propagatedTags = new WeakMap<IConstruct, Map<string, number>>();

/**
 * Applies tags to every taggable Terraform resource below a scope, at synth
 * time, the way `Tags.of(scope).add()` works in the AWS CDK. A tag set
 * directly on a resource always wins; between propagated tags, the one added on
 * the innermost scope wins.
 *
 * Prefer the provider's `default_tags` for tags that apply to a whole account;
 * use this for tags that belong to one pattern or module.
 */
export class Tags {
  /** The tag applier for `scope` and every construct below it. */
  public static of(scope: IConstruct): Tags {
    return new Tags(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Sets tag `key` = `value` (the resource's `tags` argument) on every taggable resource below the scope at synth. */
  public add(key: string, value: string): void {
    Aspects.of(this.scope).add(new TagAspect(key, value, this.scope.node.scopes.length));
  }
}

class TagAspect implements IAspect {
  constructor(
    private readonly key: string,
    private readonly value: string,
    private readonly depth: number,
  ) {}

  public visit(node: IConstruct): void {
    if (!isTaggable(node)) return;
    const existing = node.tagsInput ?? {};
    const setBy = propagatedTags.get(node) ?? new Map<string, number>();
    const setByDepth = setBy.get(this.key);
    const explicit = this.key in existing && setByDepth === undefined;
    if (explicit || (setByDepth !== undefined && setByDepth > this.depth)) return;
    node.tags = { ...existing, [this.key]: this.value };
    setBy.set(this.key, this.depth);
    propagatedTags.set(node, setBy);
  }
}
