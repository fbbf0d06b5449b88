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
 * inline more of SQLite's small functions into their callers.
 *
 * <p>The unsigned comparisons have no JVM branch of their own: both operands are moved by
 * {@code MIN_VALUE} (which maps unsigned order onto signed order) and compared signed, and a
 * constant operand pushed just before the call is moved at build time instead. Their calls were
 * the worse ones on Java 17: {@code Integer.compareUnsigned} is a three-way compare there, which C2
 * compiled to two compares, three branches and a test of the -1/0/1 it built.
 *
 * <p>An unsigned comparison whose result is used as a value (no branch right after) gets a
 * branch-free sequence instead of its call: for i32 both operands widened to longs without sign
 * and subtracted, the result's sign bit shifted down; for i64 both moved by {@code MIN_VALUE} and
 * {@code lcmp}'s -1/0/1 turned into 0/1 by a shift. So no {@code Integer.compareUnsigned} is left
 * in the compiled module at all, which is what lets {@link CompiledCodeRewrite} switch Chicory's
 * {@code memory.copy} workaround off (see there).
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

    /** The signed branch taken when the unsigned comparison is true, once both operands are moved. */
    private static final Map<String, Integer> UNSIGNED_WHEN_TRUE = Map.ofEntries(
            Map.entry("I32_LT_U", Opcodes.IF_ICMPLT),
            Map.entry("I32_GT_U", Opcodes.IF_ICMPGT),
            Map.entry("I32_LE_U", Opcodes.IF_ICMPLE),
            Map.entry("I32_GE_U", Opcodes.IF_ICMPGE),
            Map.entry("I64_LT_U", Opcodes.IFLT),
            Map.entry("I64_GT_U", Opcodes.IFGT),
            Map.entry("I64_LE_U", Opcodes.IFLE),
            Map.entry("I64_GE_U", Opcodes.IFGE));

    private final int[] fused;
    private final int[] values;
    private String held; // the comparison's name in OpcodeImpl, or null
    private String heldOwner; // the class and method the held call called
    private String heldMethod;
    private String heldDescriptor;
    /** A constant pushed just before: an Integer or a Long, and how it was pushed; or null. */
    private Object heldConstant;
    private int heldConstantOpcode;

    /**
     * {@code fused[0]} counts the comparisons fused with their branch, {@code values[0]} the
     * unsigned ones computed as a value without a call.
     */
    BranchFusion(MethodVisitor next, int[] fused, int[] values) {
        super(next);
        this.fused = fused;
        this.values = values;
    }

    @Override
    protected void flush() {
        flushConstant();
        if (held != null) {
            if (UNSIGNED_WHEN_TRUE.containsKey(held)) {
                unsignedValue(held);
                values[0]++;
            } else {
                getDelegate().visitMethodInsn(Opcodes.INVOKESTATIC, heldOwner, heldMethod, heldDescriptor, false);
            }
            held = null;
        }
    }

    /**
     * Replaces the call of an unsigned comparison, both operands on the stack, by instructions
     * that leave the same 0 or 1. Both operands end up as longs in signed order, the second one
     * ({@code b}) below: for i32 zero-extended, so {@code b - a} is exact and its sign says
     * {@code b < a}; for i64 moved by {@code MIN_VALUE}, and {@code lcmp(b, a)} is 1 when
     * {@code a < b}, -1 when {@code a > b}.
     */
    private void unsignedValue(String comparison) {
        MethodVisitor out = getDelegate();
        boolean wide = comparison.startsWith("I64_");
        if (wide) {
            out.visitLdcInsn(Long.MIN_VALUE);
            out.visitInsn(Opcodes.LADD);
            out.visitInsn(Opcodes.DUP2_X2);
            out.visitInsn(Opcodes.POP2);
            out.visitLdcInsn(Long.MIN_VALUE);
            out.visitInsn(Opcodes.LADD);
            out.visitInsn(Opcodes.LCMP); // 1: a < b, -1: a > b
        } else {
            out.visitInsn(Opcodes.I2L);
            out.visitLdcInsn(0xFFFF_FFFFL);
            out.visitInsn(Opcodes.LAND);
            out.visitInsn(Opcodes.DUP2_X1);
            out.visitInsn(Opcodes.POP2);
            out.visitInsn(Opcodes.I2L);
            out.visitLdcInsn(0xFFFF_FFFFL);
            out.visitInsn(Opcodes.LAND);
            out.visitInsn(Opcodes.LSUB); // b - a: positive when a < b, negative when a > b
        }
        // LT and GE ask "a < b": negate, so the sign bit says it; GT and LE ask "a > b"
        boolean less = comparison.endsWith("LT_U") || comparison.endsWith("GE_U");
        if (wide) {
            if (less) {
                out.visitInsn(Opcodes.INEG);
            }
            out.visitIntInsn(Opcodes.BIPUSH, 31);
            out.visitInsn(Opcodes.IUSHR);
        } else {
            if (less) {
                out.visitInsn(Opcodes.LNEG);
            }
            out.visitIntInsn(Opcodes.BIPUSH, 63);
            out.visitInsn(Opcodes.LUSHR);
            out.visitInsn(Opcodes.L2I);
        }
        if (comparison.endsWith("GE_U") || comparison.endsWith("LE_U")) {
            out.visitInsn(Opcodes.ICONST_1);
            out.visitInsn(Opcodes.IXOR);
        }
    }

    private void flushConstant() {
        if (heldConstant instanceof Integer value) {
            pushConstant(heldConstantOpcode, value);
        } else if (heldConstant instanceof Long value) {
            if (heldConstantOpcode == Opcodes.LDC) {
                getDelegate().visitLdcInsn(value);
            } else {
                getDelegate().visitInsn(heldConstantOpcode);
            }
        }
        heldConstant = null;
    }

    private boolean hold(Object constant, int opcode) {
        flush();
        heldConstant = constant;
        heldConstantOpcode = opcode;
        return true;
    }

    @Override
    protected boolean holdConstant(int opcode, int value) {
        return hold(value, opcode);
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Long) {
            hold(value, Opcodes.LDC);
            return;
        }
        super.visitLdcInsn(value);
    }

    @Override
    protected boolean holdVar(int opcode, int var) {
        return false;
    }

    @Override
    protected boolean holdInsn(int opcode) {
        if (opcode == Opcodes.LCONST_0 || opcode == Opcodes.LCONST_1) {
            return hold((long) (opcode - Opcodes.LCONST_0), opcode);
        }
        return false;
    }

    @Override
    protected boolean takesCall(int opcode, String owner, String name, String descriptor) {
        String comparison = opcode != Opcodes.INVOKESTATIC ? null : comparison(owner, name, descriptor);
        // an unsigned comparison's constant operand stays held for takesJump; no call is held with
        // it (holding the constant emitted any)
        boolean constantOperand = comparison != null && heldConstant != null && UNSIGNED_WHEN_TRUE.containsKey(comparison)
                && heldConstant instanceof Long == comparison.startsWith("I64_");
        if (!constantOperand) {
            flush();
        }
        if (comparison == null) {
            return false;
        }
        held = comparison;
        heldOwner = owner;
        heldMethod = name;
        heldDescriptor = descriptor;
        return true;
    }

    /**
     * The comparison a static call makes, by its name in OpcodeImpl, or null. Besides OpcodeImpl's
     * own, Chicory's helper class has {@code i32_ge_u}: up to Java 17 it makes {@code I32_GE_U} a
     * call through an interface that two classes implement, so that C2 never inlines it, because a
     * C2 of Java 17 miscompiled SQLite-sized methods with {@code Integer.compareUnsigned} inlined
     * (dylibso/chicory#843). The fused form calls nothing, {@code compareUnsigned} least of all.
     */
    private static String comparison(String owner, String name, String descriptor) {
        if (owner.equals(OPCODES) && (WHEN_TRUE.containsKey(name) || UNSIGNED_WHEN_TRUE.containsKey(name))) {
            return name;
        }
        if (owner.endsWith(CompiledCodeRewrite.HELPER_SUFFIX) && name.equals("i32_ge_u") && descriptor.equals("(II)I")) {
            return "I32_GE_U";
        }
        return null;
    }

    @Override
    protected boolean takesJump(int opcode, Label label) {
        if (held == null || (opcode != Opcodes.IFNE && opcode != Opcodes.IFEQ)) {
            return false;
        }
        boolean wide = held.startsWith("I64_");
        int whenTrue = UNSIGNED_WHEN_TRUE.containsKey(held) ? moveToSigned(wide) : WHEN_TRUE.get(held);
        MethodVisitor out = getDelegate();
        if (held.equals("I64_EQZ")) {
            out.visitInsn(Opcodes.LCONST_0);
        }
        if (wide) {
            out.visitInsn(Opcodes.LCMP);
        }
        out.visitJumpInsn(opcode == Opcodes.IFNE ? whenTrue : negate(whenTrue), label);
        held = null;
        fused[0]++;
        return true;
    }

    /**
     * Emits what makes the held unsigned comparison a signed one: both operands moved by
     * MIN_VALUE (the caller adds {@code lcmp} for i64); returns the branch taken when it is true. With a
     * held constant, only the other operand is moved at run time; without, the operands end up
     * swapped, and so does the returned branch.
     */
    private int moveToSigned(boolean wide) {
        MethodVisitor out = getDelegate();
        int whenTrue = UNSIGNED_WHEN_TRUE.get(held);
        Object moved = wide ? (Object) Long.MIN_VALUE : (Object) Integer.MIN_VALUE;
        int add = wide ? Opcodes.LADD : Opcodes.IADD;
        out.visitLdcInsn(moved);
        out.visitInsn(add);
        if (heldConstant != null) {
            out.visitLdcInsn(wide ? (Object) ((Long) heldConstant ^ Long.MIN_VALUE) : (Object) ((Integer) heldConstant ^ Integer.MIN_VALUE));
            heldConstant = null;
        } else {
            if (wide) {
                out.visitInsn(Opcodes.DUP2_X2);
                out.visitInsn(Opcodes.POP2);
            } else {
                out.visitInsn(Opcodes.SWAP);
            }
            out.visitLdcInsn(moved);
            out.visitInsn(add);
            whenTrue = swapOperands(whenTrue);
        }
        return whenTrue;
    }

    /** The branch that tests the same condition with its two operands the other way round. */
    private static int swapOperands(int branch) {
        return switch (branch) {
            case Opcodes.IFLT -> Opcodes.IFGT;
            case Opcodes.IFGT -> Opcodes.IFLT;
            case Opcodes.IFLE -> Opcodes.IFGE;
            case Opcodes.IFGE -> Opcodes.IFLE;
            case Opcodes.IF_ICMPLT -> Opcodes.IF_ICMPGT;
            case Opcodes.IF_ICMPGT -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPLE -> Opcodes.IF_ICMPGE;
            case Opcodes.IF_ICMPGE -> Opcodes.IF_ICMPLE;
            default -> throw new IllegalArgumentException("not an ordering branch: " + branch);
        };
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
