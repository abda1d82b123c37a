import fs from 'node:fs';
import path from 'node:path';

/**
 * The source documents quotes are checked against, byte for byte: the quote's UTF-8 bytes must occur in the
 * file's bytes (no normalisation: `’` and `'` differ, as do composed and decomposed accents).
 */
export class SourceDocuments {
  private readonly cache = new Map<string, Buffer | null>();

  constructor(
    readonly dir: string,
    /** Documents kept in memory; a synthetic corpus has one per file, read once each. */
    private readonly keep = 32,
  ) {}

  /** The document's bytes, or null when the file does not exist in the folder. */
  load(file: string): Buffer | null {
    const hit = this.cache.get(file);
    if (hit !== undefined) return hit;
    let bytes: Buffer | null = null;
    // A plain file name inside the folder: `../` could otherwise make any file on disk "the source".
    if (file && path.basename(file) === file) {
      try {
        bytes = fs.readFileSync(path.join(this.dir, file));
      } catch {
        bytes = null;
      }
    }
    if (this.cache.size >= this.keep) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(file, bytes);
    return bytes;
  }
}
