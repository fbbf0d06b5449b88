package dev.sqlitejvm.wasmsplit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build step: {@code InterruptCheckRemoval <classes-dir>} removes Chicory's thread-interrupt check
 * from the classes its compiler generated: every call of {@code checkInterruption()} on the helper
 * class generated next to the module ({@code *MachineShaded}) becomes no-ops, and the helper's own
 * body becomes a plain {@code return} for any caller left.
 *
 * <p>Chicory calls that helper at every loop header and every indirect call, to stop compiled code
 * as soon as the thread's interrupt flag is set. For SQLite that cost about a tenth of a scan's
 * time (a thread-local load and a test at each of those points), and it stops SQLite at an
 * arbitrary instruction, so the connection has to be closed. Emptying the body was not enough: in
 * SQLite's big methods C2's inlining budget runs out, the empty call stays a call, and every call
 * makes C2 spill the live registers around it, once per virtual-machine instruction in
 * {@code sqlite3VdbeExec}'s loop. The runtime stops a statement cleanly instead: SQLite's progress
 * handler, which it installs on every connection, checks the flag every thousand virtual-machine
 * steps and makes the statement fail with SQLITE_INTERRUPT.
 *
 * <p>The calls are patched in place ({@code invokestatic} is three bytes, as are three
 * {@code nop}s), so no offset, branch or stack map frame changes.
 */
public final class InterruptCheckRemoval {
    static final String METHOD = "checkInterruption";
    private static final byte RETURN = (byte) 0xB1;

    private InterruptCheckRemoval() {}

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        List<Path> classFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).sorted().forEach(classFiles::add);
        }
        Set<String> helpers = new HashSet<>();
        for (Path p : classFiles) {
            if (!p.toString().endsWith("MachineShaded.class")) {
                continue;
            }
            byte[] original = Files.readAllBytes(p);
            byte[] patched = emptyStaticVoidMethod(original, METHOD);
            if (patched != null) {
                if (patched != original) {
                    Files.write(p, patched);
                }
                helpers.add(ClassFile.parse(patched).name);
            }
        }
        if (helpers.isEmpty()) {
            throw new IllegalStateException("no generated *MachineShaded class with " + METHOD + "() under " + classes);
        }
        int calls = 0;
        for (Path p : classFiles) {
            byte[] classFile = Files.readAllBytes(p);
            int removed = removeCalls(classFile, helpers, METHOD);
            if (removed > 0) {
                Files.write(p, classFile);
                calls += removed;
            }
        }
        System.out.printf("[interrupt-check] %s() emptied in %s; %d calls of it removed%n", METHOD, helpers, calls);
    }

    /**
     * Overwrites, in place, every {@code invokestatic} of the static method {@code name()V} of one
     * of the {@code owners} (internal class names) with three {@code nop}s; returns how many.
     */
    static int removeCalls(byte[] classFile, Set<String> owners, String name) throws IOException {
        ClassFile parsed = ClassFile.parse(classFile);
        boolean[] target = new boolean[parsed.methodRefs.length];
        boolean any = false;
        for (int i = 0; i < target.length; i++) {
            ClassFile.MethodRef ref = parsed.methodRefs[i];
            target[i] = ref != null && owners.contains(ref.owner()) && ref.name().equals(name) && ref.descriptor().equals("()V");
            any |= target[i];
        }
        if (!any) {
            return 0;
        }
        int removed = 0;
        for (ClassFile.Method m : parsed.methods) {
            if (m.codeStart() < 0) {
                continue;
            }
            int start = m.codeStart() + ClassFile.CODE_OFFSET;
            int pc = 0;
            while (pc < m.codeLength()) {
                int length = JvmInstructions.length(classFile, start, pc);
                if ((classFile[start + pc] & 0xFF) == JvmInstructions.INVOKESTATIC
                        && target[JvmInstructions.readU2(classFile, start + pc + 1)]) {
                    classFile[start + pc] = JvmInstructions.NOP;
                    classFile[start + pc + 1] = JvmInstructions.NOP;
                    classFile[start + pc + 2] = JvmInstructions.NOP;
                    removed++;
                }
                pc += length;
            }
            if (pc != m.codeLength()) {
                throw new IOException(parsed.name + "." + m.name() + ": bytecode walk overran the method's code");
            }
        }
        return removed;
    }

    /**
     * The class file with the body of the static method {@code name()V} replaced by {@code return}
     * (the same array if it already was), or null if the class has no such method.
     */
    static byte[] emptyStaticVoidMethod(byte[] classFile, String name) throws IOException {
        for (ClassFile.Method m : ClassFile.parse(classFile).methods) {
            if (!m.name().equals(name) || !m.descriptor().equals("()V") || (m.access() & 0x0008) == 0 || m.codeStart() < 0) {
                continue;
            }
            if (m.codeLength() == 1 && classFile[m.codeStart() + ClassFile.CODE_OFFSET] == RETURN) {
                return classFile;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length);
            out.write(classFile, 0, m.codeStart());
            // Code: the same name index; max_stack 0, max_locals 0, one instruction, no handlers, no attributes
            ByteBuffer code = ByteBuffer.allocate(6 + 13);
            code.put(classFile, m.codeStart(), 2).putInt(13);
            code.putShort((short) 0).putShort((short) 0).putInt(1).put(RETURN);
            code.putShort((short) 0).putShort((short) 0);
            out.write(code.array());
            out.write(classFile, m.codeEnd(), classFile.length - m.codeEnd());
            return out.toByteArray();
        }
        return null;
    }
}
