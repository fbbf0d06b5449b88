package dev.sqlitejvm.wasmsplit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Indirect calls go straight from the table element to the function; part of
 * {@link CompiledCodeRewrite}, for modules whose table 0 never changes ({@link FixedTable}).
 *
 * <p>Chicory compiles {@code call_indirect} of type N to a static {@code call_indirect_N(args...,
 * element, table, memory, instance)} that looks the element up at run time (the instance's table,
 * the function index and owning instance in it, each with its checks) and then finds the function
 * in a {@code lookupswitch} over every function index of that type: a chain of a dozen dependent
 * loads, then a binary search. SQLite makes several such calls per row (an aggregate's step
 * function, the b-tree page's cell parser).
 *
 * <p>With the table fixed at build time, the element alone decides the function. The original
 * method is kept, renamed with {@link #LOOKUP_SUFFIX}, and a new {@code call_indirect_N} switches on
 * the element of table 0 and calls the function as the original's case for it did. Everything else
 * (another table, an empty element, a function of another type: each traps) goes to the original.
 */
final class TableDispatch {
    static final String LOOKUP_SUFFIX = "_lookup";
    private static final String PREFIX = "call_indirect_";

    /** The call a case of the original switch makes: {@code invokestatic owner.name descriptor}. */
    record Target(String owner, String name, String descriptor) {}

    private TableDispatch() {}

    /**
     * For each {@code call_indirect_N} method of the class: the function each element of table 0
     * calls, by element, for the elements whose function the method's switch has a plain call for.
     */
    static Map<String, TreeMap<Integer, Target>> plan(byte[] classFile, int[] elements) {
        Map<String, TreeMap<Integer, Target>> plan = new LinkedHashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!isIndirectCall(access, name, descriptor)) {
                    return null;
                }
                return new CaseReader(cases -> {
                    TreeMap<Integer, Target> byElement = new TreeMap<>();
                    for (int e = 0; e < elements.length; e++) {
                        Target t = cases.get(elements[e]);
                        if (t != null && fits(descriptor, t)) { // an empty element (-1) has no case
                            byElement.put(e, t);
                        }
                    }
                    if (!byElement.isEmpty()) {
                        plan.put(name + descriptor, byElement);
                    }
                });
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        // a dispatch written before is not planned again: its cases start by loading the arguments
        return plan;
    }

    /** Chicory's shape: static, named call_indirect_N, ending in (int element, int table, Memory, Instance). */
    static boolean isIndirectCall(int access, String name, String descriptor) {
        if ((access & Opcodes.ACC_STATIC) == 0 || !name.startsWith(PREFIX) || name.endsWith(LOOKUP_SUFFIX)) {
            return false;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        int n = args.length;
        return n >= 4 && args[n - 4] == Type.INT_TYPE && args[n - 3] == Type.INT_TYPE
                && args[n - 2].getInternalName().equals("com/dylibso/chicory/runtime/Memory")
                && args[n - 1].getInternalName().equals("com/dylibso/chicory/runtime/Instance");
    }

    /**
     * Reads the original method's one switch: for each function index, the call its case begins
     * with, if that is an {@code invokestatic} of a compiled function taking the same arguments.
     */
    private static final class CaseReader extends MethodVisitor {
        private final Consumer<Map<Integer, Target>> done;
        private final Map<Label, List<Integer>> keysAt = new HashMap<>();
        private final Map<Integer, Target> cases = new HashMap<>();
        private List<Integer> pending; // keys whose case starts at the label just visited
        private int switches;

        CaseReader(Consumer<Map<Integer, Target>> done) {
            super(Opcodes.ASM9);
            this.done = done;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            switches++;
            for (int i = 0; i < keys.length; i++) {
                keysAt.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(keys[i]);
            }
            pending = null;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            switches++;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != dflt) {
                    keysAt.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(min + i);
                }
            }
            pending = null;
        }

        @Override
        public void visitLabel(Label label) {
            List<Integer> keys = keysAt.get(label);
            if (keys != null) {
                if (pending == null) {
                    pending = new ArrayList<>();
                }
                pending.addAll(keys);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (pending != null && opcode == Opcodes.INVOKESTATIC && name.startsWith("func_")) {
                for (int key : pending) {
                    cases.put(key, new Target(owner, name, descriptor));
                }
            }
            pending = null;
        }

        @Override
        public void visitInsn(int opcode) {
            pending = null;
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            pending = null;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            pending = null;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            pending = null;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            pending = null;
        }

        @Override
        public void visitLdcInsn(Object value) {
            pending = null;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            pending = null;
        }

        @Override
        public void visitEnd() {
            // one switch, or the shape is not the one this class knows: leave the method alone
            done.accept(switches == 1 ? cases : Map.of());
        }
    }

    /**
     * Writes the new {@code call_indirect_N}: table 0's element picks the case, each case calls its
     * function with the method's arguments; anything else calls the original, renamed.
     */
    static void writeDispatch(ClassVisitor out, String className, int access, String name, String descriptor,
            TreeMap<Integer, Target> byElement) {
        Type[] args = Type.getArgumentTypes(descriptor);
        Type result = Type.getReturnType(descriptor);
        int[] slot = new int[args.length];
        for (int i = 1; i < args.length; i++) {
            slot[i] = slot[i - 1] + args[i - 1].getSize();
        }
        int n = args.length;
        int element = slot[n - 4], table = slot[n - 3];

        MethodVisitor mv = out.visitMethod(access, name, descriptor, null, null);
        mv.visitCode();
        Label lookup = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, table);
        mv.visitJumpInsn(Opcodes.IFNE, lookup);
        mv.visitVarInsn(Opcodes.ILOAD, element);

        Map<Target, Label> caseOf = new LinkedHashMap<>();
        int[] keys = new int[byElement.size()];
        Label[] labels = new Label[keys.length];
        int k = 0;
        for (Map.Entry<Integer, Target> e : byElement.entrySet()) {
            keys[k] = e.getKey();
            labels[k++] = caseOf.computeIfAbsent(e.getValue(), t -> new Label());
        }
        mv.visitLookupSwitchInsn(lookup, keys, labels);

        for (Map.Entry<Target, Label> c : caseOf.entrySet()) {
            Target t = c.getKey();
            mv.visitLabel(c.getValue());
            mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            Type[] params = Type.getArgumentTypes(t.descriptor());
            for (int i = 0; i < params.length; i++) {
                int from = methodArgument(i, params.length);
                mv.visitVarInsn(args[from].getOpcode(Opcodes.ILOAD), slot[from]);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, t.owner(), t.name(), t.descriptor(), false);
            mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
        }

        mv.visitLabel(lookup);
        mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        for (int i = 0; i < n; i++) {
            mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slot[i]);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, className, name + LOOKUP_SUFFIX, descriptor, false);
        mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Whether a case's call takes exactly the method's arguments less the element and the table. */
    static boolean fits(String methodDescriptor, Target t) {
        Type[] args = Type.getArgumentTypes(methodDescriptor);
        Type[] params = Type.getArgumentTypes(t.descriptor());
        if (params.length != args.length - 2 || !Type.getReturnType(methodDescriptor).equals(Type.getReturnType(t.descriptor()))) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            if (!params[i].equals(args[methodArgument(i, params.length)])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The method argument that a function's parameter {@code i} (of {@code params}) takes: the
     * function's arguments are the method's, less the element and the table before memory and instance.
     */
    private static int methodArgument(int i, int params) {
        return i < params - 2 ? i : i + 2;
    }
}
