/** What was wrong with an export request, with the code and HTTP status a client sees (nothing is streamed). */
export type ExportErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'EXPORT_TOO_LARGE';

export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    message: string,
    readonly code: ExportErrorCode,
    /** The parameter at fault (`format`, `center`, `depth`, `source`). */
    readonly argument?: string,
  ) {
    super(message);
  }

  get status(): number {
    return this.code === 'NOT_FOUND' ? 404 : this.code === 'EXPORT_TOO_LARGE' ? 413 : 400;
  }
}
