import { Aspects, IAspect } from "./cdktf";
import { ValidationError } from "./errors";
import { isUnresolved } from "./tokens";
import { IConstruct } from "constructs";

type TagMap = { [key: string]: string };

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

/** Characters AWS allows in tag keys and values (letters and digits of any script, spaces, `_ . : / = + - @`). */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Fails unless every tag is one AWS accepts: a key of 1-128 characters that
 * does not start with `aws:` (reserved for AWS), a string value of up to 256,
 * both of the allowed characters. An API that refuses them only fails at apply.
 * Tokens pass: their values are known at apply only.
 */
export function checkTags(scope: IConstruct, prop: string, tags: Readonly<Record<string, string>> | undefined): void {
  if (tags === undefined) return;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) throw new ValidationError(scope, prop, tags, "an object of tag keys to string values");
  for (const [key, value] of Object.entries(tags)) {
    if (isUnresolved(key)) continue;
    if (key.length < 1 || key.length > 128 || !TAG_CHARACTERS.test(key) || key.toLowerCase().startsWith("aws:")) {
      throw new ValidationError(scope, `${prop} key`, key, "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws: (reserved)");
    }
    if (typeof value === "string" && isUnresolved(value)) continue;
    if (typeof value !== "string" || value.length > 256 || !TAG_CHARACTERS.test(value)) {
      throw new ValidationError(scope, `${prop}.${key}`, value, "a tag value: a string of up to 256 letters, digits, spaces and _ . : / = + - @");
    }
  }
}
