package dev.sqlitejvm.wasmsplit;

import java.util.Arrays;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Holds the memory object's {@code long[] cells} in a local of its own, loaded once at the method's
 * entry, for a method that {@link CellAccessInlining} gives several cell accesses; part of
 * {@link CompiledCodeRewrite}.
 *
 * <p>Without it each access starts with {@code aload mem; checkcast CellMemory; getfield cells}
 * (7 bytes); with it, {@code aload cells} (2). That matters in the VDBE loop: C2 counts a method's
 * own bytecode against the inlining budget of its compilation ({@code DesiredMethodLimit}), and the
 * loop reads about a hundred cells after the calls of the regions cut out of it, so this gives the
 * budget back about 500 bytes that go to inlining its linear-memory accessors instead.
 *
 * <p>The local is a new slot past the method's own, so every stack map frame gets it appended; the
 * reader must expand the frames ({@code ClassReader.EXPAND_FRAMES}) for that.
 */
final class CellsLocal extends MethodVisitor {
    /**
     * The entry load costs 9 bytes and each access saves 5, so two accesses barely pay for it; and
     * the entry load runs on every call, also on paths that touch no cell.
     */
    static final int MIN_ACCESSES = 3;

    private final String cellMemory;
    private final int memoryVar;
    private final int slot;

    /**
     * @param memoryVar the parameter slot holding the memory object
     * @param slot the new local's slot: the method's {@code max_locals} before the rewrite
     */
    CellsLocal(MethodVisitor next, String cellMemory, int memoryVar, int slot) {
        super(Opcodes.ASM9, next);
        this.cellMemory = cellMemory;
        this.memoryVar = memoryVar;
        this.slot = slot;
    }

    int slot() {
        return slot;
    }

    int memoryVar() {
        return memoryVar;
    }

    /** Emits {@code aload memoryVar; checkcast cellMemory; getfield cells}: the array, from the memory. */
    static void loadCells(MethodVisitor out, String cellMemory, int memoryVar) {
        out.visitVarInsn(Opcodes.ALOAD, memoryVar);
        out.visitTypeInsn(Opcodes.CHECKCAST, cellMemory);
        out.visitFieldInsn(Opcodes.GETFIELD, cellMemory, "cells", "[J");
    }

    @Override
    public void visitCode() {
        super.visitCode();
        loadCells(getDelegate(), cellMemory, memoryVar);
        super.visitVarInsn(Opcodes.ASTORE, slot);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be expanded (ClassReader.EXPAND_FRAMES)");
        }
        // the frame lists locals up to its last live one (a long or double as one entry, two slots)
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        if (slots > slot) {
            throw new IllegalStateException("a frame has " + slots + " slots of locals, past max_locals " + slot);
        }
        Object[] locals = Arrays.copyOf(local, numLocal + (slot - slots) + 1);
        Arrays.fill(locals, numLocal, locals.length - 1, Opcodes.TOP);
        locals[locals.length - 1] = "[J";
        super.visitFrame(type, locals.length, locals, numStack, stack);
    }
}
