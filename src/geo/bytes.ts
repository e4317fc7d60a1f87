/**
 * Byte-level writing and reading for the pack: unsigned LEB128 varints and short ASCII strings.
 * Plain code over Uint8Array, so it runs the same in Node and in a browser.
 */

export class ByteWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  byte(value: number): void {
    this.ensure(1);
    this.buffer[this.length++] = value;
  }

  bytes(values: Uint8Array): void {
    this.ensure(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`varint out of range: ${value}`);
    this.ensure(5);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[this.length++] = value;
  }

  ascii(text: string): void {
    if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError(`not printable ASCII: ${JSON.stringify(text)}`);
    this.varint(text.length);
    this.ensure(text.length);
    for (let i = 0; i < text.length; i++) this.buffer[this.length++] = text.charCodeAt(i);
  }

  uint32(value: number): void {
    this.ensure(4);
    for (let i = 0; i < 4; i++) this.buffer[this.length++] = (value >>> (8 * i)) & 0xff;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Thrown when the bytes end early or hold a value no writer produces. */
export class MalformedBytes extends Error {}

export class ByteReader {
  offset = 0;
  constructor(private readonly data: Uint8Array, private readonly end = data.length) {}

  get remaining(): number {
    return this.end - this.offset;
  }

  byte(): number {
    if (this.offset >= this.end) throw new MalformedBytes('ends early');
    return this.data[this.offset++];
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new MalformedBytes(`varint too long at byte ${this.offset}`);
  }

  ascii(): string {
    const length = this.varint();
    if (length > this.remaining) throw new MalformedBytes('ends early');
    let text = '';
    for (let i = 0; i < length; i++) text += String.fromCharCode(this.data[this.offset++]);
    return text;
  }

  uint32(): number {
    let value = 0;
    for (let i = 0; i < 4; i++) value += this.byte() * 2 ** (8 * i);
    return value;
  }
}
