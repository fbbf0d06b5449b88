package dev.sqlitejvm.wasmsplit;

/** The input is not a wasm module this tool understands (malformed, or uses a feature it does not rewrite). */
public final class WasmFormatException extends RuntimeException {
    public WasmFormatException(String message) {
        super(message);
    }
}
