import type { NodeKindName } from '../model/model';

/**
 * What validation keeps between files, and nothing more, so that memory grows with the number of entities
 * and not with the size of the corpus: each entity's kind and a fingerprint of each property value (to catch
 * two files giving one entity different values), the same for relationships that carry properties, and the
 * references still waiting for their entity to appear in a later file.
 */

export const readableFingerprint = (fp: string) => (fp.startsWith('#') ? 'another (long) value' : fp);

interface EntityEntry {
  kind: NodeKindName;
  /** Index into `files` of the first file that described it. */
  file: number;
  /** Field → `fingerprint \u0001 index of the file that gave it`. */
  props: Record<string, string>;
}

interface RelationshipEntry {
  file: number;
  props: Record<string, string>;
}

export interface PendingReference {
  file: number;
  entity: string;
  field: string;
  id: string;
  /** Kinds the model allows there, and what the reference is, for the message. */
  kinds: readonly NodeKindName[];
  role: string;
}

export interface Conflict {
  field: string;
  given: string;
  earlier: string;
  earlierFile: string;
}

export class CorpusIndex {
  readonly files: string[] = [];
  readonly entities = new Map<string, EntityEntry>();
  /** Only relationships with properties, or whose type requires some: the others can never conflict. */
  private readonly relationships = new Map<string, RelationshipEntry>();
  readonly pending: PendingReference[] = [];
  relationshipStatements = 0;
  nodeStatements = 0;
  quotes = 0;

  addFile(file: string): number {
    this.files.push(file);
    return this.files.length - 1;
  }

  kindOf(id: string): NodeKindName | undefined {
    return this.entities.get(id)?.kind;
  }

  /** Records an entity described by a file; returns how it disagrees with earlier files. */
  defineEntity(
    id: string,
    kind: NodeKindName,
    file: number,
    props: Record<string, string>,
  ): { kindConflict?: { earlier: NodeKindName; earlierFile: string }; conflicts: Conflict[] } {
    const entry = this.entities.get(id);
    if (!entry) {
      const created: EntityEntry = { kind, file, props: {} };
      this.mergeProps(created, props, file);
      this.entities.set(id, created);
      return { conflicts: [] };
    }
    if (entry.kind !== kind) return { kindConflict: { earlier: entry.kind, earlierFile: this.files[entry.file]! }, conflicts: [] };
    return { conflicts: this.mergeProps(entry, props, file) };
  }

  defineRelationship(id: string, file: number, props: Record<string, string>): Conflict[] {
    let entry = this.relationships.get(id);
    if (!entry) {
      entry = { file, props: {} };
      this.relationships.set(id, entry);
    }
    return this.mergeProps(entry, props, file);
  }

  /** Relationships with properties (or required ones), with the first file that listed each. */
  *relationshipEntries(): Iterable<{ id: string; file: number; props: Record<string, string> }> {
    for (const [id, entry] of this.relationships) yield { id, ...entry };
  }

  private mergeProps(entry: { props: Record<string, string> }, props: Record<string, string>, file: number): Conflict[] {
    const conflicts: Conflict[] = [];
    for (const [field, fp] of Object.entries(props)) {
      const earlier = entry.props[field];
      if (earlier === undefined) {
        entry.props[field] = `${fp}\u0001${file}`;
        continue;
      }
      const cut = earlier.lastIndexOf('\u0001');
      const earlierFp = earlier.slice(0, cut);
      if (earlierFp !== fp) {
        conflicts.push({ field, given: fp, earlier: earlierFp, earlierFile: this.files[Number(earlier.slice(cut + 1))]! });
      }
    }
    return conflicts;
  }
}
