/**
 * A file whose headers cannot be read (`unreadable`) or that declares something we refuse to process
 * (`refused`: a pixel or length bomb). Neither is ever decoded.
 */
export class MediaError extends Error {
  override name = 'MediaError';
  readonly kind: 'unreadable' | 'refused';

  constructor(kind: 'unreadable' | 'refused', message: string) {
    super(message);
    this.kind = kind;
  }
}
