package dev.sqlitejvm.wasmsplit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Build step: {@code InterruptCheckRemoval <classes-dir>} empties the body of
 * {@code checkInterruption()} in the helper class Chicory's compiler generates next to the module
 * ({@code *MachineShaded}), turning it into a plain {@code return}.
 *
 * <p>Chicory calls that helper at every loop header and every indirect call, to stop compiled code
 * as soon as the thread's interrupt flag is set. For SQLite that costs about a tenth of a scan's
 * time (a thread-local load and a test at each of those points, and the call's bytecode eats into
 * C2's inlining budget), and it stops SQLite at an arbitrary instruction, so the connection has to
 * be closed. The runtime gets the same effect cleanly: SQLite's progress handler, which it installs
 * on every connection, checks the flag every thousand virtual-machine steps and makes the statement
 * fail with SQLITE_INTERRUPT.
 */
public final class InterruptCheckRemoval {
    static final String METHOD = "checkInterruption";
    private static final byte RETURN = (byte) 0xB1;

    private InterruptCheckRemoval() {}

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        int patched = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith("MachineShaded.class"))::iterator) {
                byte[] original = Files.readAllBytes(p);
                byte[] patchedClass = emptyStaticVoidMethod(original, METHOD);
                if (patchedClass != null) {
                    if (patchedClass != original) {
                        Files.write(p, patchedClass);
                    }
                    patched++;
                    System.out.printf("[interrupt-check] %s: %s() is empty%n", classes.relativize(p), METHOD);
                }
            }
        }
        if (patched == 0) {
            throw new IllegalStateException("no generated *MachineShaded class with " + METHOD + "() under " + classes);
        }
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
