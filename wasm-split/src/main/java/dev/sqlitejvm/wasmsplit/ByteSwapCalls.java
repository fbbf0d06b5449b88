package dev.sqlitejvm.wasmsplit;

import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Replaces each call of a byte-swap function that {@link ByteSwaps} added to the module by the
 * JDK's own {@code Integer.reverseBytes}/{@code Long.reverseBytes}; part of {@link CompiledCodeRewrite}.
 * HotSpot compiles those to one {@code bswap}, where the functions' wasm bodies (shifts and masks)
 * would be a dozen instructions, and a call wherever C2's inlining budget has run out.
 *
 * <p>Chicory compiles a call of wasm function N to {@code invokestatic func_N(value, Memory,
 * Instance)}; the two references the swap does not need are popped first. Chicory's own methods
 * that call every function of a type (the indirect-call dispatch, the per-function entry points)
 * are rewritten too, but only calls in the compiled functions themselves ({@code func_*}, where
 * the module's calls are) are counted.
 */
final class ByteSwapCalls extends MethodVisitor {
    /** The swap functions by method name ({@code func_N}): their width in bytes. */
    private final Map<String, Integer> widths;
    private final int[] replaced;
    private final boolean counted;

    /** {@code replaced[0]} counts the calls replaced if {@code method} is a compiled function. */
    ByteSwapCalls(MethodVisitor next, String method, Map<String, Integer> widths, int[] replaced) {
        super(Opcodes.ASM9, next);
        this.widths = widths;
        this.replaced = replaced;
        this.counted = method.startsWith("func_");
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        Integer width = opcode == Opcodes.INVOKESTATIC ? widths.get(name) : null;
        Type[] args = width == null ? null : Type.getArgumentTypes(descriptor);
        Type value = width == null ? null : width == 8 ? Type.LONG_TYPE : Type.INT_TYPE;
        if (width == null || args.length == 0 || !args[0].equals(value) || !Type.getReturnType(descriptor).equals(value)
                || !referencesOnly(args)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        for (int k = 1; k < args.length; k++) {
            super.visitInsn(Opcodes.POP);
        }
        if (width == 8) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Long", "reverseBytes", "(J)J", false);
        } else {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "reverseBytes", "(I)I", false);
            if (width == 2) { // the swapped 16 bits are the top half
                super.visitIntInsn(Opcodes.BIPUSH, 16);
                super.visitInsn(Opcodes.IUSHR);
            }
        }
        if (counted) {
            replaced[0]++;
        }
    }

    /** True if every argument after the value is a reference (the Memory and Instance Chicory passes). */
    private static boolean referencesOnly(Type[] args) {
        for (int k = 1; k < args.length; k++) {
            if (args[k].getSort() != Type.OBJECT) {
                return false;
            }
        }
        return true;
    }
}
