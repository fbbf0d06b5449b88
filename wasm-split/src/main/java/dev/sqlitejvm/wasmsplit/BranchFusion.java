package dev.sqlitejvm.wasmsplit;

import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Fuses a compiled wasm comparison with the branch on its result; part of {@link CompiledCodeRewrite}.
 *
 * <p>Chicory compiles {@code i32.lt_s; br_if} to {@code invokestatic OpcodeImpl.I32_LT_S; ifne L}:
 * a call that returns 0 or 1, then a test of it. The rewrite emits the JVM's own compare-and-branch
 * instead, {@code if_icmplt L} (and {@code ifeq}/{@code ifne} with the sense flipped for the
 * other tests; {@code lcmp} first for the i64 comparisons). Each one is 3 to 5 bytes shorter and
 * no call: the calls are small, but in SQLite's big methods, once C2's inlining budget is spent,
 * each stayed a real call with the live registers spilled around it; and shorter methods let C2
 * inline more of SQLite's small functions into their callers. The unsigned comparisons have no
 * JVM branch of their own and keep their calls.
 */
final class BranchFusion extends HeldSequence {
    static final String OPCODES = "com/dylibso/chicory/runtime/OpcodeImpl";

    /** The branch taken when the comparison is true ({@code ifne} after the call), by comparison. */
    private static final Map<String, Integer> WHEN_TRUE = Map.ofEntries(
            Map.entry("I32_EQZ", Opcodes.IFEQ),
            Map.entry("I32_EQ", Opcodes.IF_ICMPEQ),
            Map.entry("I32_NE", Opcodes.IF_ICMPNE),
            Map.entry("I32_LT_S", Opcodes.IF_ICMPLT),
            Map.entry("I32_GT_S", Opcodes.IF_ICMPGT),
            Map.entry("I32_LE_S", Opcodes.IF_ICMPLE),
            Map.entry("I32_GE_S", Opcodes.IF_ICMPGE),
            Map.entry("I64_EQZ", Opcodes.IFEQ),
            Map.entry("I64_EQ", Opcodes.IFEQ),
            Map.entry("I64_NE", Opcodes.IFNE),
            Map.entry("I64_LT_S", Opcodes.IFLT),
            Map.entry("I64_GT_S", Opcodes.IFGT),
            Map.entry("I64_LE_S", Opcodes.IFLE),
            Map.entry("I64_GE_S", Opcodes.IFGE));

    private final int[] fused;
    private String held; // the comparison's name, or null
    private String heldDescriptor;

    /** {@code fused[0]} counts the comparisons fused. */
    BranchFusion(MethodVisitor next, int[] fused) {
        super(next);
        this.fused = fused;
    }

    @Override
    protected void flush() {
        if (held != null) {
            getDelegate().visitMethodInsn(Opcodes.INVOKESTATIC, OPCODES, held, heldDescriptor, false);
            held = null;
        }
    }

    @Override
    protected boolean holdConstant(int opcode, int value) {
        return false;
    }

    @Override
    protected boolean holdVar(int opcode, int var) {
        return false;
    }

    @Override
    protected boolean holdInsn(int opcode) {
        return false;
    }

    @Override
    protected boolean takesCall(int opcode, String owner, String name, String descriptor) {
        flush();
        if (opcode != Opcodes.INVOKESTATIC || !owner.equals(OPCODES) || !WHEN_TRUE.containsKey(name)) {
            return false;
        }
        held = name;
        heldDescriptor = descriptor;
        return true;
    }

    @Override
    protected boolean takesJump(int opcode, Label label) {
        if (held == null || (opcode != Opcodes.IFNE && opcode != Opcodes.IFEQ)) {
            return false;
        }
        int whenTrue = WHEN_TRUE.get(held);
        MethodVisitor out = getDelegate();
        if (held.startsWith("I64_EQZ")) {
            out.visitInsn(Opcodes.LCONST_0);
        }
        if (held.startsWith("I64_")) {
            out.visitInsn(Opcodes.LCMP);
        }
        out.visitJumpInsn(opcode == Opcodes.IFNE ? whenTrue : negate(whenTrue), label);
        held = null;
        fused[0]++;
        return true;
    }

    /** The branch with the opposite condition. */
    private static int negate(int branch) {
        return switch (branch) {
            case Opcodes.IFEQ -> Opcodes.IFNE;
            case Opcodes.IFNE -> Opcodes.IFEQ;
            case Opcodes.IFLT -> Opcodes.IFGE;
            case Opcodes.IFGE -> Opcodes.IFLT;
            case Opcodes.IFGT -> Opcodes.IFLE;
            case Opcodes.IFLE -> Opcodes.IFGT;
            case Opcodes.IF_ICMPEQ -> Opcodes.IF_ICMPNE;
            case Opcodes.IF_ICMPNE -> Opcodes.IF_ICMPEQ;
            case Opcodes.IF_ICMPLT -> Opcodes.IF_ICMPGE;
            case Opcodes.IF_ICMPGE -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPGT -> Opcodes.IF_ICMPLE;
            case Opcodes.IF_ICMPLE -> Opcodes.IF_ICMPGT;
            default -> throw new IllegalArgumentException("not a conditional branch: " + branch);
        };
    }
}
