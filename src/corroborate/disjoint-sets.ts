/**
 * Disjoint sets over the numbers 0 … n−1 (union-find with path compression), where the caller
 * says which root stays when two sets join: event clustering keeps the larger cluster's root
 * (`cluster-events.ts`), origins the earlier document's (`origins.ts`). The parents are one typed
 * array, so a million documents' sets take 4 MB and no objects.
 *
 * @example const sets = new DisjointSets(3); sets.union(0, 2); sets.find(2) // 0
 */
export class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let k = 0; k < size; k += 1) this.parent[k] = k;
  }

  /** How many numbers the sets hold. */
  get size(): number {
    return this.parent.length;
  }

  /** The root of the set holding `x`; the path to it is shortened on the way. */
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let node = x;
    while (node !== root) {
      const p = this.parent[node] as number;
      this.parent[node] = root;
      node = p;
    }
    return root;
  }

  /**
   * Joins the set holding `b` into the set holding `a`: `a`'s root stays the root. False when
   * they were one set already.
   */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[rb] = ra;
    return true;
  }
}
