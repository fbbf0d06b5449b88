package dev.sqlitejvm.wasmsplit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
        ByteBuffer in = ByteBuffer.wrap(classFile);
        if (in.getInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.getShort();
        in.getShort();
        int count = in.getShort() & 0xFFFF;
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.get() & 0xFF;
            switch (tag) {
                case 1 -> {
                    int length = in.getShort() & 0xFFFF;
                    byte[] modified = new byte[length + 2];
                    modified[0] = (byte) (length >> 8);
                    modified[1] = (byte) length;
                    in.get(modified, 2, length);
                    utf8[i] = new DataInputStream(new java.io.ByteArrayInputStream(modified)).readUTF();
                }
                case 7, 8, 16, 19, 20 -> in.getShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.getInt();
                case 15 -> {
                    in.get();
                    in.getShort();
                }
                case 5, 6 -> {
                    in.getLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.getShort(); // access flags
        in.getShort(); // this
        in.getShort(); // super
        int interfaces = in.getShort() & 0xFFFF;
        in.position(in.position() + 2 * interfaces);
        for (int f = in.getShort() & 0xFFFF; f > 0; f--) {
            in.position(in.position() + 6);
            skipAttributes(in);
        }
        for (int m = in.getShort() & 0xFFFF; m > 0; m--) {
            int access = in.getShort() & 0xFFFF;
            String methodName = utf8[in.getShort() & 0xFFFF];
            String descriptor = utf8[in.getShort() & 0xFFFF];
            boolean target = methodName.equals(name) && descriptor.equals("()V") && (access & 0x0008) != 0;
            for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
                int start = in.position();
                int attributeName = in.getShort() & 0xFFFF;
                int length = in.getInt();
                int end = in.position() + length;
                if (target && "Code".equals(utf8[attributeName])) {
                    in.getShort(); // max_stack
                    in.getShort(); // max_locals
                    if (in.getInt() == 1 && classFile[in.position()] == RETURN) {
                        return classFile;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length);
                    out.write(classFile, 0, start);
                    // Code: max_stack 0, max_locals 0, one instruction, no handlers, no attributes
                    ByteBuffer code = ByteBuffer.allocate(6 + 13);
                    code.putShort((short) attributeName).putInt(13);
                    code.putShort((short) 0).putShort((short) 0).putInt(1).put(RETURN);
                    code.putShort((short) 0).putShort((short) 0);
                    out.write(code.array());
                    out.write(classFile, end, classFile.length - end);
                    return out.toByteArray();
                }
                in.position(end);
            }
        }
        return null;
    }

    private static void skipAttributes(ByteBuffer in) {
        for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
            in.getShort();
            int length = in.getInt();
            in.position(in.position() + length);
        }
    }
}
