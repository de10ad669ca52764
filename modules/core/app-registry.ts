import { IConstruct } from "constructs";

/**
 * Facts about one app that constructs of different scopes must share, such
 * as how many endpoints a VPC already has: one map per construct tree
 * (`node.root`), so that two apps, or two test cases, never see each
 * other's entries, and the maps go away with their app.
 * @internal
 */
export class AppRegistry<K, V> {
  private readonly apps = new WeakMap<IConstruct, Map<K, V>>();

  /** The entries of the app `scope` belongs to. */
  public of(scope: IConstruct): Map<K, V> {
    const root = scope.node.root;
    let entries = this.apps.get(root);
    if (entries === undefined) {
      entries = new Map<K, V>();
      this.apps.set(root, entries);
    }
    return entries;
  }

  /**
   * Records `owner` for `key` in the app of `scope`, unless another owner
   * claimed it first: then returns that first owner (for the caller's
   * error) and records nothing.
   */
  public claim(scope: IConstruct, key: K, owner: V): V | undefined {
    const entries = this.of(scope);
    const first = entries.get(key);
    if (first === undefined) entries.set(key, owner);
    return first;
  }
}

/**
 * Counts per key and app, for warnings before an adjustable AWS quota fails an apply.
 * @internal
 */
export class AppCounter<K> {
  private readonly counts = new AppRegistry<K, number>();

  /** Counts one more for `key` in the app of `scope`; returns the new count. */
  public increment(scope: IConstruct, key: K): number {
    const counts = this.counts.of(scope);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    return count;
  }
}
