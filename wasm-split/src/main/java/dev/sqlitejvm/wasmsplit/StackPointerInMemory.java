package dev.sqlitejvm.wasmsplit;

/**
 * Moves the C stack pointer (global 0 in clang/wasm-ld output) into a linear-memory cell.
 *
 * <p>Chicory compiles {@code global.get/set} to a call that looks the global up through the
 * instance's import table on every access, while loads and stores become small calls on the
 * memory object that HotSpot inlines (and, after Chicory's compiler, accesses of a Java array:
 * see {@link CellAccesses}). Every C function with a stack frame reads and writes the stack
 * pointer, so SQLite's hot paths pay for it on most calls. A start function stores the pointer's
 * initial value in the cell (a store like every other one, so the post-compile step that moves the
 * cell out of linear memory catches it too); the global stays, unused.
 */
final class StackPointerInMemory {
    private StackPointerInMemory() {}

    /** Rewrites every function's accesses to global 0 into loads and stores at {@code address}. */
    static void rewrite(WasmModule module, int address, int initialValue) {
        for (int f = module.importedFunctions; f < module.functionTypes.size(); f++) {
            int body = f - module.importedFunctions;
            byte[] rewritten = rewrite(module, module.typeOfFunction(f), module.bodies.get(body), address);
            if (rewritten != null) {
                module.bodies.set(body, rewritten);
            }
        }
        addStartStore(module, address, initialValue);
    }

    /** A start function (chaining to the module's own, if any) that stores {@code value} at {@code address}. */
    private static void addStartStore(WasmModule module, int address, int value) {
        int start = module.addFunction(new FuncType(new byte[0], new byte[0]), null);
        int previous = module.setStart(start);
        Leb.Writer w = new Leb.Writer();
        Code.writeLocals(w, new byte[] {0x7F});
        // the stored value comes from a local: the shape of every store to the cell (see rewrite below)
        w.u8(0x41).s64(value).u8(Code.LOCAL_SET).u32(0);
        w.u8(0x41).s64(address).u8(Code.LOCAL_GET).u32(0).u8(0x36).u32(2).u32(0);
        if (previous >= 0) {
            w.u8(Code.CALL).u32(previous);
        }
        w.u8(Code.END);
        module.bodies.set(start - module.importedFunctions, w.toByteArray());
    }

    private static byte[] rewrite(WasmModule module, FuncType type, byte[] body, int address) {
        Code code = new Code(module, type, body);
        boolean any = false;
        boolean sets = false;
        for (int i = 0; i < code.size; i++) {
            if ((code.op[i] == Code.GLOBAL_GET || code.op[i] == Code.GLOBAL_SET) && code.imm[i] == 0) {
                any = true;
                sets |= code.op[i] == Code.GLOBAL_SET;
            }
        }
        if (!any) {
            return null;
        }
        int tmp = code.localTypes.length;
        byte[] locals = java.util.Arrays.copyOfRange(code.localTypes, code.paramCount, code.localTypes.length + (sets ? 1 : 0));
        if (sets) {
            locals[locals.length - 1] = 0x7F;
        }
        Leb.Writer w = new Leb.Writer();
        Code.writeLocals(w, locals);
        for (int i = 0; i < code.size; i++) {
            if (code.op[i] == Code.GLOBAL_GET && code.imm[i] == 0) {
                w.u8(0x41).s64(address).u8(0x28).u32(2).u32(0); // i32.const A; i32.load
            } else if (code.op[i] == Code.GLOBAL_SET && code.imm[i] == 0) {
                w.u8(Code.LOCAL_SET).u32(tmp).u8(0x41).s64(address).u8(Code.LOCAL_GET).u32(tmp).u8(0x36).u32(2).u32(0);
            } else {
                w.bytes(code.body, code.start[i], code.end[i]);
            }
        }
        return w.toByteArray();
    }
}
