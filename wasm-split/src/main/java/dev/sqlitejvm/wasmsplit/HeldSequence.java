package dev.sqlitejvm.wasmsplit;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A method visitor that recognises a short straight-line run of instructions and replaces it:
 * subclasses hold back constants, variable loads, simple instructions and calls while they fit the
 * run, and emit the replacement when a call or a jump completes it. Anything else (another
 * instruction, a label, a frame) first emits what was held, unchanged, so a run is only ever
 * replaced whole and never across a branch target, and the stack at every frame stays as it was.
 */
abstract class HeldSequence extends MethodVisitor {
    HeldSequence(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /** Emits what is held back, as it came, and forgets it. */
    protected abstract void flush();

    /** An int constant pushed by {@code opcode} (ICONST_x, BIPUSH, SIPUSH or LDC); true if held. */
    protected abstract boolean holdConstant(int opcode, int value);

    /** A local variable instruction; true if held. */
    protected abstract boolean holdVar(int opcode, int var);

    /** An instruction without operand (other than the constants); true if held. */
    protected abstract boolean holdInsn(int opcode);

    /**
     * A method call; true if taken: held, or completing a run whose replacement has then been
     * emitted.
     */
    protected abstract boolean takesCall(int opcode, String owner, String name, String descriptor);

    /** A jump; true if it completed a run, whose replacement has then been emitted. */
    protected boolean takesJump(int opcode, Label label) {
        return false;
    }

    /** Emits an int constant the way it was pushed. */
    protected final void pushConstant(int opcode, int value) {
        MethodVisitor out = getDelegate();
        if (opcode == Opcodes.LDC) {
            out.visitLdcInsn(value);
        } else if (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) {
            out.visitIntInsn(opcode, value);
        } else {
            out.visitInsn(opcode);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (holdInsn(opcode)) {
            return;
        }
        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 && holdConstant(opcode, opcode - Opcodes.ICONST_0)) {
            return;
        }
        flush();
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        if ((opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) && holdConstant(opcode, operand)) {
            return;
        }
        flush();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Integer && holdConstant(Opcodes.LDC, (Integer) value)) {
            return;
        }
        flush();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        if (holdVar(opcode, var)) {
            return;
        }
        flush();
        super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (takesCall(opcode, owner, name, descriptor)) {
            return;
        }
        flush();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    // everything else ends a run

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
        if (takesJump(opcode, label)) {
            return;
        }
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
