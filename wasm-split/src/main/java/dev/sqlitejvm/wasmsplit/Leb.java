package dev.sqlitejvm.wasmsplit;

import java.io.ByteArrayOutputStream;

/** LEB128 reading from a byte array cursor and writing to a growing buffer, as the wasm binary format uses. */
final class Leb {
    private Leb() {}

    /** A cursor over wasm bytes. */
    static final class Reader {
        final byte[] bytes;
        int pos;
        final int limit;

        Reader(byte[] bytes, int pos, int limit) {
            this.bytes = bytes;
            this.pos = pos;
            this.limit = limit;
        }

        boolean more() {
            return pos < limit;
        }

        int u8() {
            if (pos >= limit) {
                throw new WasmFormatException("unexpected end of data at " + pos);
            }
            return bytes[pos++] & 0xFF;
        }

        int u32() {
            long result = 0;
            int shift = 0;
            while (true) {
                int b = u8();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (int) result;
                }
                shift += 7;
                if (shift > 35) {
                    throw new WasmFormatException("u32 too long at " + pos);
                }
            }
        }

        long s64() {
            long result = 0;
            int shift = 0;
            int b;
            do {
                b = u8();
                result |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0 && shift < 70);
            if (shift < 64 && (b & 0x40) != 0) {
                result |= -1L << shift;
            }
            return result;
        }

        void skip(int n) {
            pos += n;
        }
    }

    /** A growing byte buffer with LEB128 writers. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u8(int b) {
            out.write(b);
            return this;
        }

        Writer u32(long value) {
            long v = value & 0xFFFFFFFFL;
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        Writer s64(long value) {
            while (true) {
                int b = (int) (value & 0x7F);
                value >>= 7;
                boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
                out.write(done ? b : b | 0x80);
                if (done) {
                    return this;
                }
            }
        }

        Writer bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        Writer bytes(byte[] b, int from, int to) {
            out.write(b, from, to - from);
            return this;
        }

        /** Writes {@code b} prefixed with its length, as sections and function bodies are. */
        Writer sized(byte[] b) {
            return u32(b.length).bytes(b);
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
