package dev.sqlitejvm.wasmsplit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A wasm module held as its sections, with the parts the splitter reads decoded: types, the
 * function index space, global types and code bodies. Sections it does not change are written back
 * byte for byte.
 */
final class WasmModule {
    static final int TYPE = 1, IMPORT = 2, FUNCTION = 3, TABLE = 4, GLOBAL = 6, EXPORT = 7, START = 8, ELEMENT = 9, CODE = 10,
            DATA_COUNT = 12;

    /** A section: id and payload (custom sections keep their name inside the payload). */
    static final class Section {
        final int id;
        byte[] payload;

        Section(int id, byte[] payload) {
            this.id = id;
            this.payload = payload;
        }
    }

    final List<Section> sections = new ArrayList<>();
    final List<FuncType> types = new ArrayList<>();
    /** Type index of every function, imports first. */
    final List<Integer> functionTypes = new ArrayList<>();
    int importedFunctions;
    int importedTables;
    /** Value type and the raw bytes (type, mutability, init expression) of every global, imports first. */
    final List<Byte> globalTypes = new ArrayList<>();
    int importedGlobals;
    final List<byte[]> definedGlobals = new ArrayList<>();
    /** An export: its name, kind (0 function, 1 table, 2 memory, 3 global) and index. */
    record Export(String name, int kind, int index) {}

    /** The exports, in the order of the export section (which the splitter writes back unchanged). */
    final List<Export> exports = new ArrayList<>();
    /** Raw bodies (locals + code, without the size prefix) of the defined functions. */
    final List<byte[]> bodies = new ArrayList<>();

    static WasmModule parse(byte[] wasm) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm' || wasm[4] != 1) {
            throw new WasmFormatException("not a wasm version 1 module");
        }
        WasmModule m = new WasmModule();
        Leb.Reader r = new Leb.Reader(wasm, 8, wasm.length);
        while (r.more()) {
            int id = r.u8();
            int size = r.u32();
            byte[] payload = java.util.Arrays.copyOfRange(wasm, r.pos, r.pos + size);
            r.skip(size);
            m.sections.add(new Section(id, payload));
        }
        for (Section s : m.sections) {
            Leb.Reader p = new Leb.Reader(s.payload, 0, s.payload.length);
            switch (s.id) {
                case TYPE -> m.readTypes(p);
                case IMPORT -> m.readImports(p);
                case FUNCTION -> {
                    for (int n = p.u32(); n > 0; n--) {
                        m.functionTypes.add(p.u32());
                    }
                }
                case GLOBAL -> m.readGlobals(p);
                case EXPORT -> m.readExports(p);
                case CODE -> {
                    for (int n = p.u32(); n > 0; n--) {
                        int size = p.u32();
                        m.bodies.add(java.util.Arrays.copyOfRange(s.payload, p.pos, p.pos + size));
                        p.skip(size);
                    }
                }
                default -> { }
            }
        }
        if (m.bodies.size() != m.functionTypes.size() - m.importedFunctions) {
            throw new WasmFormatException("function and code sections disagree");
        }
        return m;
    }

    private void readTypes(Leb.Reader p) {
        for (int n = p.u32(); n > 0; n--) {
            if (p.u8() != 0x60) {
                throw new WasmFormatException("only function types are supported");
            }
            types.add(new FuncType(valTypes(p), valTypes(p)));
        }
    }

    private static byte[] valTypes(Leb.Reader p) {
        byte[] t = new byte[p.u32()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) p.u8();
        }
        return t;
    }

    private void readImports(Leb.Reader p) {
        for (int n = p.u32(); n > 0; n--) {
            p.skip(p.u32()); // module
            p.skip(p.u32()); // name
            int kind = p.u8();
            switch (kind) {
                case 0 -> {
                    functionTypes.add(p.u32());
                    importedFunctions++;
                }
                case 1 -> { // table: reftype + limits
                    importedTables++;
                    p.u8();
                    limits(p);
                }
                case 2 -> limits(p);
                case 3 -> {
                    globalTypes.add((byte) p.u8());
                    p.u8();
                    importedGlobals++;
                }
                default -> throw new WasmFormatException("unknown import kind " + kind);
            }
        }
    }

    private void readExports(Leb.Reader p) {
        for (int n = p.u32(); n > 0; n--) {
            int length = p.u32();
            String name = new String(p.bytes, p.pos, length, StandardCharsets.UTF_8);
            p.skip(length);
            int kind = p.u8();
            exports.add(new Export(name, kind, p.u32()));
        }
    }

    private static void limits(Leb.Reader p) {
        int flags = p.u8();
        p.u32();
        if ((flags & 1) != 0) {
            p.u32();
        }
    }

    private void readGlobals(Leb.Reader p) {
        for (int n = p.u32(); n > 0; n--) {
            int start = p.pos;
            globalTypes.add((byte) p.u8());
            p.u8();
            // constant expression up to its end opcode
            while (true) {
                int op = p.u8();
                if (op == 0x0B) {
                    break;
                }
                switch (op) {
                    case 0x41, 0x42, 0x23, 0xD2 -> p.s64();
                    case 0x43 -> p.skip(4);
                    case 0x44 -> p.skip(8);
                    case 0xD0 -> p.u8();
                    default -> throw new WasmFormatException("unsupported global initializer opcode 0x" + Integer.toHexString(op));
                }
            }
            definedGlobals.add(java.util.Arrays.copyOfRange(p.bytes, start, p.pos));
        }
    }

    /**
     * Takes {@code bytes} off the top of the C stack for the splitter's own use: in modules that
     * clang and wasm-ld produce, global 0 is {@code __stack_pointer} (a mutable i32 initialised to
     * the top of the stack, which grows down). Lowering its initial value leaves [new, old) to
     * nobody else. Returns the base address, or -1 if global 0 does not look like a stack pointer.
     */
    int reserveBelowStackPointer(int bytes) {
        if (importedGlobals > 0 || definedGlobals.isEmpty()) {
            return -1;
        }
        byte[] g = definedGlobals.get(0);
        if (g.length < 4 || g[0] != 0x7F || g[1] != 1 || (g[2] & 0xFF) != 0x41 || g[g.length - 1] != 0x0B) {
            return -1;
        }
        Leb.Reader r = new Leb.Reader(g, 3, g.length - 1);
        long top = r.s64();
        if (r.pos != g.length - 1 || top < 4L * bytes || top % 16 != 0) {
            return -1;
        }
        int base = (int) top - bytes;
        definedGlobals.set(0, new Leb.Writer().u8(0x7F).u8(1).u8(0x41).s64(base).u8(0x0B).toByteArray());
        return base;
    }

    /**
     * Makes {@code function} the module's start function, run when the module is instantiated;
     * returns the start function it replaces, or -1 if there was none.
     */
    int setStart(int function) {
        int previous = -1;
        for (Section s : sections) {
            if (s.id == START) {
                previous = new Leb.Reader(s.payload, 0, s.payload.length).u32();
            }
        }
        ensureSection(START);
        for (Section s : sections) {
            if (s.id == START) {
                s.payload = new Leb.Writer().u32(function).toByteArray();
            }
        }
        return previous;
    }

    FuncType typeOfFunction(int function) {
        return types.get(functionTypes.get(function));
    }

    int typeIndex(FuncType t) {
        int i = types.indexOf(t);
        if (i < 0) {
            types.add(t);
            i = types.size() - 1;
        }
        return i;
    }

    /** Appends a mutable global of the given value type, initialised to zero; returns its index. */
    int addGlobal(byte valType) {
        Leb.Writer w = new Leb.Writer().u8(valType).u8(1);
        switch (valType) {
            case 0x7F -> w.u8(0x41).u8(0);
            case 0x7E -> w.u8(0x42).u8(0);
            case 0x7D -> w.u8(0x43).bytes(new byte[4]);
            case 0x7C -> w.u8(0x44).bytes(new byte[8]);
            default -> throw new WasmFormatException("no zero for value type 0x" + Integer.toHexString(valType & 0xFF));
        }
        w.u8(0x0B);
        definedGlobals.add(w.toByteArray());
        globalTypes.add(valType);
        return globalTypes.size() - 1;
    }

    /** Appends a function; returns its index. */
    int addFunction(FuncType type, byte[] body) {
        functionTypes.add(typeIndex(type));
        bodies.add(body);
        return functionTypes.size() - 1;
    }

    byte[] write() {
        Leb.Writer types = new Leb.Writer().u32(this.types.size());
        this.types.forEach(t -> t.write(types));
        Leb.Writer functions = new Leb.Writer().u32(functionTypes.size() - importedFunctions);
        functionTypes.subList(importedFunctions, functionTypes.size()).forEach(functions::u32);
        Leb.Writer globals = new Leb.Writer().u32(definedGlobals.size());
        definedGlobals.forEach(globals::bytes);
        Leb.Writer code = new Leb.Writer().u32(bodies.size());
        bodies.forEach(code::sized);

        ensureSection(TYPE);
        ensureSection(FUNCTION);
        if (!definedGlobals.isEmpty()) {
            ensureSection(GLOBAL);
        }
        Leb.Writer out = new Leb.Writer().bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (Section s : sections) {
            byte[] payload = switch (s.id) {
                case TYPE -> types.toByteArray();
                case FUNCTION -> functions.toByteArray();
                case GLOBAL -> globals.toByteArray();
                case CODE -> code.toByteArray();
                default -> s.payload;
            };
            out.u8(s.id).sized(payload);
        }
        return out.toByteArray();
    }

    /** Inserts an empty known section at its place in the standard order if the module has none. */
    private void ensureSection(int id) {
        if (sections.stream().anyMatch(s -> s.id == id)) {
            return;
        }
        int at = 0;
        for (int i = 0; i < sections.size(); i++) {
            int other = sections.get(i).id;
            if (other != 0 && order(other) < order(id)) {
                at = i + 1;
            }
        }
        sections.add(at, new Section(id, new byte[] {0}));
    }

    /** Position of a known section in the binary order (data count, 12, sits before code). */
    private static int order(int id) {
        return id == DATA_COUNT ? 95 : id * 10;
    }
}
