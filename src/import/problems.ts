/**
 * What is wrong with a corpus, one problem per line: the file, the entity and the field, so a journalist
 * editing YAML can go straight to it.
 */
export interface ImportProblem {
  file: string;
  /** The entity's id, or a relationship as `from -[TYPE]-> to`; absent for file-level problems. */
  entity?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: ImportProblem): string {
  return [p.file, p.entity, p.field, p.message].filter((part) => part !== undefined && part !== '').join(': ');
}

/** Raised when validation finds problems; nothing has been written. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly problems: ImportProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the corpus; nothing was written:\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

/** Collects problems; stops keeping them past a limit so a wholly broken corpus cannot exhaust memory. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  dropped = 0;
  constructor(private readonly limit = 10_000) {}

  add(file: string, entity: string | undefined, field: string | undefined, message: string): void {
    if (this.items.length >= this.limit) {
      this.dropped++;
      return;
    }
    this.items.push({ file, entity, field, message });
  }

  get count(): number {
    return this.items.length + this.dropped;
  }

  all(): ImportProblem[] {
    if (!this.dropped) return this.items;
    return [...this.items, { file: '(corpus)', message: `… and ${this.dropped} more problems not listed` }];
  }
}
