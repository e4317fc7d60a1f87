/**
 * A worksheet part's bytes as they inflate, split at its one large element: the bytes before
 * sheetData, its rows in pieces that each hold whole rows, and the bytes after it. Only the piece
 * being read is held, so a sheet of any size costs the same memory to read or patch.
 */
import { concat } from './bytes';
import { findStart, isNameEnd, LT, plainBytes, rootPrefix, SLASH, startsWith, tagEndIn, Tags } from './xml-bytes';

export class SheetDataStream {
  private window: Uint8Array = new Uint8Array(0);
  /** Where the unread bytes of the window begin. */
  private at = 0;
  private read = 0;
  private phase: 'head' | 'rows' | 'tail' = 'head';
  private rowOpen: Uint8Array = new Uint8Array(0);
  private sheetDataClose: Uint8Array = new Uint8Array(0);
  /** The namespace prefix of the part's elements ("" or "x:"), once the head is read. */
  prefix = '';

  /** `size` is what the part inflates to; `onRead` hears how much of it has been read. */
  constructor(
    private readonly chunks: AsyncIterator<Uint8Array>,
    private readonly size: number,
    private readonly onRead?: (fraction: number) => void,
  ) {}

  /** The bytes before the sheetData element. */
  async head(): Promise<Uint8Array> {
    let prefix: string | undefined;
    let open: Uint8Array | undefined;
    let searchFrom = 0;
    for (;;) {
      prefix ??= rootPrefix(this.window);
      if (prefix !== undefined) {
        const tags = new Tags(prefix);
        open ??= tags.open('sheetData');
        const start = findStart(this.window, open, searchFrom, this.window.length);
        const end = start < 0 ? -1 : tagEndIn(this.window, start);
        if (end >= 0) {
          this.prefix = prefix;
          this.rowOpen = tags.open('row');
          this.sheetDataClose = tags.close('sheetData');
          this.phase = this.window[end - 2] === SLASH ? 'tail' : 'rows';
          this.at = end;
          return this.window.slice(0, start);
        }
        searchFrom = Math.max(0, (start < 0 ? this.window.length : start) - open.length);
      }
      if (!(await this.fill(0))) throw new Error('a worksheet without sheetData');
    }
  }

  /** The rows, in pieces of whole rows (each good until the next is asked for). */
  async *rows(): AsyncGenerator<Uint8Array> {
    while (this.phase === 'rows') {
      const { cut, rowsEnd } = this.lastCut();
      if (rowsEnd >= 0) {
        if (rowsEnd > this.at) yield this.window.subarray(this.at, rowsEnd);
        this.at = rowsEnd + this.sheetDataClose.length;
        this.phase = 'tail';
        return;
      }
      if (cut > this.at) {
        yield this.window.subarray(this.at, cut);
        this.at = cut;
      }
      if (!(await this.fill(this.at))) throw new Error('<sheetData> is not closed');
    }
  }

  /** Passes over the rows, holding none of them. */
  async skipRows(): Promise<void> {
    for await (const piece of this.rows()) void piece;
  }

  /** The bytes after the sheetData element, once the rows have been read or passed over. */
  async tail(): Promise<Uint8Array> {
    if (this.phase !== 'tail') throw new Error('the rows come before the tail');
    while (await this.fill(this.at)) continue;
    return this.window.slice(this.at);
  }

  /**
   * Where the unread window's whole rows end: before the last row begun in it (`cut`), or, when
   * the sheetData's end tag is there, before that (`rowsEnd`; else -1).
   */
  private lastCut(): { cut: number; rowsEnd: number } {
    const bytes = this.window;
    for (let lt = bytes.length - 1; lt >= this.at; lt--) {
      if (bytes[lt] !== LT) continue;
      if (lt + this.sheetDataClose.length <= bytes.length && startsWith(bytes, this.sheetDataClose, lt)) return { cut: lt, rowsEnd: lt };
      if (lt + this.rowOpen.length < bytes.length && startsWith(bytes, this.rowOpen, lt) && isNameEnd(bytes[lt + this.rowOpen.length])) return { cut: lt, rowsEnd: -1 };
    }
    return { cut: this.at, rowsEnd: -1 };
  }

  /** Reads the next chunk onto the window, dropping what comes before `keepFrom`; false at the end. */
  private async fill(keepFrom: number): Promise<boolean> {
    const next = await this.chunks.next();
    if (next.done) return false;
    const chunk = plainBytes(next.value);
    this.read += chunk.length;
    this.onRead?.(Math.min(1, this.read / Math.max(1, this.size)));
    const kept = this.window.subarray(keepFrom);
    this.window = kept.length === 0 ? chunk : concat([kept, chunk]);
    this.at -= keepFrom;
    return true;
  }
}
