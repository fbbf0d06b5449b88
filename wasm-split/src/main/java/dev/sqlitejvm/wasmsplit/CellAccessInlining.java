package dev.sqlitejvm.wasmsplit;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns each compiled access of a cell (see {@link CellAccesses}) into an access of the memory
 * object's {@code long[] cells}; part of {@link CompiledCodeRewrite}.
 *
 * <p>Chicory compiles {@code i32.const A; i32.load} to {@code ldc A; iconst_0; aload mem;
 * invokestatic Shaded.memoryReadInt}, and {@code i32.const A; local.get x; i32.store} to
 * {@code ldc A; iload x; iconst_0; aload mem; invokestatic Shaded.memoryWriteInt} (likewise for
 * i64, f32 and f64). When {@code A} is a cell's address those sequences become
 * {@code aload mem; checkcast CellMemory; getfield cells; sipush cell; laload} (with the value's
 * conversion) and {@code ... sipush cell; xload x; conversion; lastore}: plain bytecode, no call,
 * so nothing of C2's inlining budget. Values are kept as raw bits, so a stored value reads back
 * exactly as it would from linear memory.
 *
 * <p>A sequence is only rewritten when it is straight-line: any label, frame or other instruction
 * in between flushes what was held, unchanged. The stack is the same before and after either form.
 */
final class CellAccessInlining extends MethodVisitor {
    private final CellAccesses.Range cells;
    private final String cellMemory;
    private final int[] rewritten;

    // what is held back, in order: the address, the stored value's load, the offset 0, the memory
    private Integer address;
    private int addressOpcode; // how it was pushed: LDC, SIPUSH or BIPUSH
    private int valueOpcode = -1;
    private int valueVar;
    private boolean offsetZero;
    private int memoryVar = -1;

    /**
     * @param cellMemory internal name of the memory class that holds {@code public final long[] cells}
     * @param rewritten {@code rewritten[0]} counts the accesses rewritten
     */
    CellAccessInlining(MethodVisitor next, CellAccesses.Range cells, String cellMemory, int[] rewritten) {
        super(Opcodes.ASM9, next);
        this.cells = cells;
        this.cellMemory = cellMemory;
        this.rewritten = rewritten;
    }

    private void hold(int opcode, int constant) {
        flush();
        if (cells.contains(constant)) {
            address = constant;
            addressOpcode = opcode;
        }
    }

    /** Emits what was held back, as it came. */
    private void flush() {
        if (address != null) {
            if (addressOpcode == Opcodes.LDC) {
                super.visitLdcInsn(address);
            } else {
                super.visitIntInsn(addressOpcode, address);
            }
        }
        if (valueOpcode >= 0) {
            super.visitVarInsn(valueOpcode, valueVar);
        }
        if (offsetZero) {
            super.visitInsn(Opcodes.ICONST_0);
        }
        if (memoryVar >= 0) {
            super.visitVarInsn(Opcodes.ALOAD, memoryVar);
        }
        clear();
    }

    private void clear() {
        address = null;
        valueOpcode = -1;
        offsetZero = false;
        memoryVar = -1;
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Integer) {
            hold(Opcodes.LDC, (Integer) value);
            if (address != null) {
                return;
            }
        } else {
            flush();
        }
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        if (opcode == Opcodes.SIPUSH || opcode == Opcodes.BIPUSH) {
            hold(opcode, operand);
            if (address != null) {
                return;
            }
        } else {
            flush();
        }
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        if (address != null && !offsetZero && valueOpcode < 0 && opcode >= Opcodes.ILOAD && opcode <= Opcodes.DLOAD) {
            valueOpcode = opcode;
            valueVar = var;
            return;
        }
        if (address != null && offsetZero && memoryVar < 0 && opcode == Opcodes.ALOAD) {
            memoryVar = var;
            return;
        }
        flush();
        super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitInsn(int opcode) {
        if (address != null && !offsetZero && opcode == Opcodes.ICONST_0) {
            offsetZero = true;
            return;
        }
        flush();
        super.visitInsn(opcode);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (address != null && offsetZero && memoryVar >= 0 && opcode == Opcodes.INVOKESTATIC
                && owner.endsWith(CompiledCodeRewrite.HELPER_SUFFIX) && rewrite(name)) {
            clear();
            rewritten[0]++;
            return;
        }
        flush();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    /** Emits the array form of the held access if {@code helper} is a cell-sized load or store. */
    private boolean rewrite(String helper) {
        boolean load = valueOpcode < 0;
        String prefix = load ? "memoryRead" : "memoryWrite";
        if (!helper.startsWith(prefix)) {
            return false;
        }
        String type = helper.substring(prefix.length());
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
        out.visitVarInsn(Opcodes.ALOAD, memoryVar);
        out.visitTypeInsn(Opcodes.CHECKCAST, cellMemory);
        out.visitFieldInsn(Opcodes.GETFIELD, cellMemory, "cells", "[J");
        pushInt(out, cells.cell(address));
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
        return true;
    }

    private static void pushInt(MethodVisitor out, int value) {
        if (value <= 5) {
            out.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            out.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            out.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }

    // every other instruction, label or frame ends a held sequence

    @Override
    public void visitLabel(Label label) {
        flush();
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        flush();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        flush();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        flush();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        flush();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        flush();
        super.visitIincInsn(var, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        flush();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        flush();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        flush();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        flush();
        super.visitMultiANewArrayInsn(descriptor, dimensions);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        flush();
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        flush();
        super.visitMaxs(maxStack, maxLocals);
    }

    @Override
    public void visitEnd() {
        flush();
        super.visitEnd();
    }
}
