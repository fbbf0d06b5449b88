package dev.sqlitejvm.replication;

/**
 * CRC-64/XZ (the ECMA-182 polynomial, reflected; initial value and final XOR all ones), table
 * driven. Check value: {@code "123456789"} gives {@code 0x995DC9BBDF1939FA}.
 */
public final class Crc64 {
    private static final long POLY_REFLECTED = 0xC96C5795D7870F42L;
    private static final long[] TABLE = new long[256];

    static {
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc64() {
    }

    /** Continues {@code crc} (a previous result, or 0 to start) over {@code length} bytes. */
    public static long update(long crc, byte[] data, int offset, int length) {
        long c = ~crc;
        for (int i = offset, end = offset + length; i < end; i++) {
            c = TABLE[(int) (c ^ data[i]) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }

    public static long of(byte[] data) {
        return update(0, data, 0, data.length);
    }
}
