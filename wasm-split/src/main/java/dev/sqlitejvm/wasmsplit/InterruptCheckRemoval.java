package dev.sqlitejvm.wasmsplit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Drops every call of {@code checkInterruption()} on the helper class Chicory's compiler generates
 * next to the module ({@code *MachineShaded}); part of {@link CompiledCodeRewrite}.
 *
 * <p>Chicory calls that helper at every loop header and every indirect call, to stop compiled code
 * as soon as the thread's interrupt flag is set. For SQLite that cost about a tenth of a scan's
 * time (a thread-local load and a test at each of those points), and it stops SQLite at an
 * arbitrary instruction, so the connection has to be closed. Emptying the helper's body was not
 * enough: where C2's inlining budget is spent (in {@code sqlite3VdbeExec}'s loop) the empty method
 * stayed a call, and C2 spills the live registers around every call. The runtime stops a statement
 * cleanly instead: SQLite's progress handler, which it installs on every connection, checks the
 * flag every thousand virtual-machine steps and makes the statement fail with SQLITE_INTERRUPT.
 *
 * <p>The call takes no arguments and returns nothing, so dropping it changes no stack shape.
 */
final class InterruptCheckRemoval extends MethodVisitor {
    static final String METHOD = "checkInterruption";

    private final int[] removed;

    /** {@code removed[0]} counts the calls dropped. */
    InterruptCheckRemoval(MethodVisitor next, int[] removed) {
        super(Opcodes.ASM9, next);
        this.removed = removed;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == Opcodes.INVOKESTATIC && owner.endsWith(CompiledCodeRewrite.HELPER_SUFFIX)
                && name.equals(METHOD) && descriptor.equals("()V")) {
            removed[0]++;
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
}
