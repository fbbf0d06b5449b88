package dev.sqlitejvm.wasmsplit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a compiled class file that {@link MethodSizeCheck} reads: the class's name and its
 * methods' bytecode lengths (which ASM, used for the rewrite, does not report).
 */
final class ClassFile {
    /** One method and the length of its bytecode (0 if it has none). */
    record Method(String name, int codeLength) {}

    final String name;
    final List<Method> methods;

    private ClassFile(String name, List<Method> methods) {
        this.name = name;
        this.methods = methods;
    }

    static ClassFile parse(byte[] classFile) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(classFile);
        if (in.getInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.getShort();
        in.getShort();
        int count = in.getShort() & 0xFFFF;
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.get() & 0xFF;
            switch (tag) {
                case 1 -> utf8[i] = modifiedUtf8(in);
                case 7 -> classNameIndex[i] = in.getShort() & 0xFFFF;
                case 8, 16, 19, 20 -> in.getShort();
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
        String name = utf8[classNameIndex[in.getShort() & 0xFFFF]];
        in.getShort(); // super
        int interfaces = in.getShort() & 0xFFFF;
        in.position(in.position() + 2 * interfaces);
        for (int f = in.getShort() & 0xFFFF; f > 0; f--) {
            in.position(in.position() + 6);
            skipAttributes(in);
        }
        List<Method> methods = new ArrayList<>();
        for (int m = in.getShort() & 0xFFFF; m > 0; m--) {
            in.getShort(); // access flags
            String methodName = utf8[in.getShort() & 0xFFFF];
            in.getShort(); // descriptor
            int codeLength = 0;
            for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
                String attribute = utf8[in.getShort() & 0xFFFF];
                int length = in.getInt();
                int end = in.position() + length;
                if ("Code".equals(attribute)) {
                    codeLength = in.getInt(in.position() + 2 + 2); // after max_stack, max_locals
                }
                in.position(end);
            }
            methods.add(new Method(methodName, codeLength));
        }
        return new ClassFile(name, methods);
    }

    private static String modifiedUtf8(ByteBuffer in) throws IOException {
        int length = in.getShort() & 0xFFFF;
        byte[] withLength = new byte[length + 2];
        withLength[0] = (byte) (length >> 8);
        withLength[1] = (byte) length;
        in.get(withLength, 2, length);
        return new DataInputStream(new ByteArrayInputStream(withLength)).readUTF();
    }

    private static void skipAttributes(ByteBuffer in) {
        for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
            in.getShort();
            int length = in.getInt();
            in.position(in.position() + length);
        }
    }
}
