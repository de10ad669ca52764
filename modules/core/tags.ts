import { Aspects, IAspect } from "./cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { isUnresolved } from "./tokens";

type TagMap = { [key: string]: string };

/** What AWS allows in tags (the same for every service this library tags). */
export const TAG_LIMITS = {
  /** Characters of a key. */
  keyCharacters: 128,
  /** Characters of a value. */
  valueCharacters: 256,
  /** User tags on one resource. */
  tagsPerResource: 50,
} as const;

/**
 * Fails unless `key` = `value` is a tag AWS accepts: a key of 1 to 128
 * characters that does not start with `aws:` (AWS reserves the prefix, in
 * any case), a string value of at most 256 characters. `prop` names the
 * caller's prop (`tags`); references are skipped. Characters are not
 * checked: EC2, where most of this library's tags land, takes any
 * character, and the narrower set (letters, digits, spaces, `_ . : / = + - @`)
 * is what AWS recommends across services, not what each refuses.
 */
export function checkTag(scope: IConstruct, prop: string, key: string, value: string): void {
  if (!isUnresolved(key)) {
    if (typeof key !== "string" || key.length < 1 || key.length > TAG_LIMITS.keyCharacters) {
      throw new ValidationError(scope, prop, key, `a tag key of 1 to ${TAG_LIMITS.keyCharacters} characters`);
    }
    if (key.toLowerCase().startsWith("aws:"))
      throw new ValidationError(scope, prop, key, "a tag key without the aws: prefix, which AWS reserves for its own tags");
  }
  if (isUnresolved(value)) return;
  if (typeof value !== "string") throw new ValidationError(scope, `${prop}.${key}`, value, "a string tag value");
  if (value.length > TAG_LIMITS.valueCharacters)
    throw new ValidationError(
      scope,
      `${prop}.${key}`,
      value,
      `a tag value of at most ${TAG_LIMITS.valueCharacters} characters (got ${value.length})`,
    );
}

/**
 * Fails unless every entry of a `tags` prop is a tag AWS accepts (see
 * {@link checkTag}) and there are at most 50 of them. Returns the tags,
 * narrowed (JavaScript callers: a list or a string is not a tag map).
 */
export function checkTags(
  scope: IConstruct,
  prop: string,
  tags: Readonly<Record<string, string>> | undefined,
): Readonly<Record<string, string>> | undefined {
  if (tags === undefined) return tags;
  // Constructs merge the tags given with their own (Name, ...) at synth: a map only Terraform knows cannot be spread.
  if (isUnresolved(tags))
    throw new ValidationError(
      scope,
      prop,
      tags,
      "a literal map of tags: they are merged at synth with the tags the construct sets itself (Name), which a map only Terraform knows cannot be; give tags from a variable as the provider's default_tags",
    );
  if (tags === null || typeof tags !== "object" || Array.isArray(tags))
    throw new ValidationError(scope, prop, tags, 'a map of tag keys to values, such as { team: "payments" }');
  const entries = Object.entries(tags);
  if (entries.length > TAG_LIMITS.tagsPerResource)
    throw new ValidationError(scope, prop, `${entries.length} tags`, `at most ${TAG_LIMITS.tagsPerResource} tags per resource`);
  for (const [key, value] of entries) checkTag(scope, prop, key, value);
  return tags;
}

interface Taggable {
  tags?: TagMap;
  readonly tagsInput?: TagMap;
}

function isTaggable(node: IConstruct): node is IConstruct & Taggable {
  return "tagsInput" in node;
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

  /**
   * Sets tag `key` = `value` (the resource's `tags` argument) on every
   * taggable resource below the scope at synth. Fails for a tag AWS would
   * refuse at apply (an `aws:` key, a key over 128 or a value over 256 characters).
   */
  public add(key: string, value: string): void {
    checkTag(this.scope, "Tags.add", key, value);
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
