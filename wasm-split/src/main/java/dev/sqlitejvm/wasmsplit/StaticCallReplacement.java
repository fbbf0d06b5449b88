package dev.sqlitejvm.wasmsplit;

import java.util.function.Predicate;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Replaces every call of one static method without arguments by a constant of its result type,
 * or by nothing when it returns void; part of {@link CompiledCodeRewrite}, which uses it twice.
 *
 * <p>{@link #interruptChecks}: Chicory calls {@code checkInterruption()} on the helper class its
 * compiler generates next to the module ({@code *MachineShaded}) at every loop header and every
 * indirect call, to stop compiled code as soon as the thread's interrupt flag is set. For SQLite
 * that cost about a tenth of a scan's time (a thread-local load and a test at each of those
 * points), and it stops SQLite at an arbitrary instruction, so the connection has to be closed.
 * Emptying the helper's body was not enough: where C2's inlining budget is spent (in
 * {@code sqlite3VdbeExec}'s loop) the empty method stayed a call, and C2 spills the live registers
 * around every call. The runtime stops a statement cleanly instead: SQLite's progress handler,
 * which it installs on every connection, checks the flag every thousand virtual-machine steps and
 * makes the statement fail with SQLITE_INTERRUPT.
 *
 * <p>{@link #memCopyWorkaroundOff}: in the helper's static initialiser,
 * {@code MemCopyWorkaround.shouldUseMemWorkaround()} (what decides the workaround when
 * {@code chicory.memCopyWorkaround} is not set) becomes false.
 *
 * <p>The method takes no arguments, so the replacement changes no stack shape.
 */
final class StaticCallReplacement extends MethodVisitor {
    static final String INTERRUPT_CHECK = "checkInterruption";

    private final Predicate<String> owner;
    private final String name;
    private final String descriptor;
    /** The instruction that pushes the replacement result, or -1 for a void method. */
    private final int constant;
    private final int[] replaced;

    private StaticCallReplacement(MethodVisitor next, Predicate<String> owner, String name, String descriptor,
            int constant, int[] replaced) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.constant = constant;
        this.replaced = replaced;
    }

    /** Drops the helper's interrupt checks; {@code removed[0]} counts them. */
    static StaticCallReplacement interruptChecks(MethodVisitor next, int[] removed) {
        return new StaticCallReplacement(next, owner -> owner.endsWith(CompiledCodeRewrite.HELPER_SUFFIX),
                INTERRUPT_CHECK, "()V", -1, removed);
    }

    /** Turns the memory-copy workaround's default off; {@code replaced[0]} counts the calls. */
    static StaticCallReplacement memCopyWorkaroundOff(MethodVisitor next, int[] replaced) {
        return new StaticCallReplacement(next, "com/dylibso/chicory/runtime/MemCopyWorkaround"::equals,
                "shouldUseMemWorkaround", "()Z", Opcodes.ICONST_0, replaced);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == Opcodes.INVOKESTATIC && name.equals(this.name) && descriptor.equals(this.descriptor)
                && this.owner.test(owner)) {
            if (constant >= 0) {
                super.visitInsn(constant);
            }
            replaced[0]++;
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
}
