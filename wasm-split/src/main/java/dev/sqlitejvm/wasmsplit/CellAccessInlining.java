package dev.sqlitejvm.wasmsplit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns each compiled access of a cell (see {@link CellAccesses}) into an access of the memory
 * object's {@code long[] cells}; part of {@link CompiledCodeRewrite}.
 *
 * <p>Chicory compiles {@code i32.const A; i32.load} to {@code ldc A; iconst_0; aload mem;
 * invokestatic Shaded.memoryReadInt}, and {@code i32.const A; local.get x; i32.store} to
 * {@code ldc A; iload x; iconst_0; aload mem; invokestatic Shaded.memoryWriteInt} (likewise for
 * i64, f32 and f64). When {@code A} is a cell's address those runs become
 * {@code aload mem; checkcast CellMemory; getfield cells; sipush cell; laload} (with the value's
 * conversion) and {@code ... sipush cell; xload x; conversion; lastore}: plain bytecode, no call,
 * so nothing of C2's inlining budget. Values are kept as raw bits, so a stored value reads back
 * exactly as it would from linear memory.
 */
final class CellAccessInlining extends HeldSequence {
    private final CellAccesses.Range cells;
    private final String cellMemory;
    private final int[] rewritten;
    /** Where the method keeps the cells array in a local, or null. */
    private final CellsLocal local;
    /** The memory variable of every access rewritten so far: -1 before the first, -2 if they differ. */
    private int memoryVarUsed = -1;

    // held back, in order: the address (as it was pushed), the stored value's load, the offset 0, the memory
    private int addressOpcode = -1;
    private int address;
    private int valueOpcode = -1;
    private int valueVar;
    private boolean offsetZero;
    private int memoryVar = -1;

    /**
     * @param cellMemory internal name of the memory class that holds {@code long[] cells}
     * @param rewritten {@code rewritten[0]} counts the accesses rewritten
     * @param local the method's cells local, or null to load the array from the memory at each access
     */
    CellAccessInlining(MethodVisitor next, CellAccesses.Range cells, String cellMemory, int[] rewritten, CellsLocal local) {
        super(next);
        this.cells = cells;
        this.cellMemory = cellMemory;
        this.rewritten = rewritten;
        this.local = local;
    }

    /** The memory variable all rewritten accesses used: -1 if there were none, -2 if they differ. */
    int memoryVarUsed() {
        return memoryVarUsed;
    }

    @Override
    protected void flush() {
        MethodVisitor out = getDelegate();
        if (addressOpcode >= 0) {
            pushConstant(addressOpcode, address);
        }
        if (valueOpcode >= 0) {
            out.visitVarInsn(valueOpcode, valueVar);
        }
        if (offsetZero) {
            out.visitInsn(Opcodes.ICONST_0);
        }
        if (memoryVar >= 0) {
            out.visitVarInsn(Opcodes.ALOAD, memoryVar);
        }
        clear();
    }

    private void clear() {
        addressOpcode = -1;
        valueOpcode = -1;
        offsetZero = false;
        memoryVar = -1;
    }

    @Override
    protected boolean holdConstant(int opcode, int value) {
        flush();
        if (!cells.contains(value)) {
            return false;
        }
        addressOpcode = opcode;
        address = value;
        return true;
    }

    @Override
    protected boolean holdInsn(int opcode) {
        if (addressOpcode >= 0 && !offsetZero && opcode == Opcodes.ICONST_0) {
            offsetZero = true;
            return true;
        }
        return false;
    }

    @Override
    protected boolean holdVar(int opcode, int var) {
        if (addressOpcode >= 0 && !offsetZero && valueOpcode < 0 && opcode >= Opcodes.ILOAD && opcode <= Opcodes.DLOAD) {
            valueOpcode = opcode;
            valueVar = var;
            return true;
        }
        if (addressOpcode >= 0 && offsetZero && memoryVar < 0 && opcode == Opcodes.ALOAD) {
            memoryVar = var;
            return true;
        }
        return false;
    }

    @Override
    protected boolean takesCall(int opcode, String owner, String name, String descriptor) {
        if (memoryVar < 0 || opcode != Opcodes.INVOKESTATIC || !owner.endsWith(CompiledCodeRewrite.HELPER_SUFFIX)) {
            return false;
        }
        boolean load = valueOpcode < 0;
        String prefix = load ? "memoryRead" : "memoryWrite";
        if (!name.startsWith(prefix)) {
            return false;
        }
        String type = name.substring(prefix.length());
        int valueLoad = switch (type) {
            case "Int" -> Opcodes.ILOAD;
            case "Long" -> Opcodes.LLOAD;
            case "Float" -> Opcodes.FLOAD;
            case "Double" -> Opcodes.DLOAD;
            default -> -1;
        };
        if (valueLoad < 0 || (!load && valueOpcode != valueLoad)) {
            return false;
        }
        MethodVisitor out = getDelegate();
        if (local != null && local.memoryVar() == memoryVar) {
            out.visitVarInsn(Opcodes.ALOAD, local.slot());
        } else {
            CellsLocal.loadCells(out, cellMemory, memoryVar);
        }
        memoryVarUsed = memoryVarUsed == -1 || memoryVarUsed == memoryVar ? memoryVar : -2;
        int cell = cells.cell(address);
        if (cell <= 5) {
            out.visitInsn(Opcodes.ICONST_0 + cell);
        } else {
            out.visitIntInsn(cell <= Byte.MAX_VALUE ? Opcodes.BIPUSH : Opcodes.SIPUSH, cell);
        }
        if (load) {
            out.visitInsn(Opcodes.LALOAD);
            switch (type) {
                case "Int" -> out.visitInsn(Opcodes.L2I);
                case "Float" -> {
                    out.visitInsn(Opcodes.L2I);
                    out.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                }
                case "Double" -> out.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                default -> { } // Long: as it is
            }
        } else {
            out.visitVarInsn(valueOpcode, valueVar);
            switch (type) {
                case "Int" -> out.visitInsn(Opcodes.I2L);
                case "Float" -> {
                    out.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                    out.visitInsn(Opcodes.I2L);
                }
                case "Double" -> out.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                default -> { } // Long: as it is
            }
            out.visitInsn(Opcodes.LASTORE);
        }
        clear();
        rewritten[0]++;
        return true;
    }
}
