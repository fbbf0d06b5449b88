package dev.sqlitejvm.wasmsplit;

import java.util.Arrays;

/** A wasm function type: parameter and result value types as their binary codes (0x7F i32 ...). */
record FuncType(byte[] params, byte[] results) {
    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType t && Arrays.equals(params, t.params) && Arrays.equals(results, t.results);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(params) * 31 + Arrays.hashCode(results);
    }

    void write(Leb.Writer w) {
        w.u8(0x60).sized(params).sized(results);
    }
}
