/**
 * The variable names of one query text. A builder asks for a name by what it stands for (`n`, `r`,
 * `evidenceIndex`) and gets that name, or the first of `n2`, `n3`… that no variable in scope holds, so two
 * fragments written apart never declare the same variable. A subquery's scope (`inner`) starts from the names
 * around it: a COLLECT or CALL subquery sees its query's variables, and one it declares must not shadow them;
 * the names it takes stay inside it, so sibling subqueries may each have their own `r`.
 */
export class Scope {
  private readonly taken: Set<string>;

  private constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  /** The scope of a query (or of a text a file writes) whose variables are `names`. */
  static of(...names: string[]): Scope {
    return new Scope(names);
  }

  /** A variable name for `base` that no variable in scope holds, taken from now on. */
  fresh(base: string): string {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(base)) throw new Error(`Not a variable name: ${base}`);
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    return name;
  }

  /** Whether `name` is a variable of this scope. */
  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** The scope of a subquery written inside this one: it sees these names, and keeps its own. */
  inner(): Scope {
    return new Scope(this.taken);
  }
}
