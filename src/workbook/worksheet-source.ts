/**
 * A worksheet part as the patcher's source, read as it inflates: the text before and after its
 * rows decoded whole (it is small), the rows decoded a piece at a time as the patcher asks for
 * them, or passed over undecoded when the patch replaces them all.
 */
import { SheetDataStream } from './sheet-data-stream';
import type { WorksheetSource } from './worksheet';

/** The part's start, whose byte-order mark is dropped. */
const partStart = new TextDecoder();
/** Pieces after the start, where a U+FEFF is text. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export async function worksheetSource(stream: SheetDataStream): Promise<WorksheetSource> {
  const head = partStart.decode(await stream.head());
  let tail: string | undefined;
  return {
    head,
    async *rows() {
      for await (const piece of stream.rows()) yield utf8.decode(piece);
    },
    skipRows: () => stream.skipRows(),
    async tail() {
      return (tail ??= utf8.decode(await stream.tail()));
    },
  };
}
