package dev.sqlitejvm.wasmsplit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Build check: {@code MethodSizeCheck <classes-dir> <limit> <allow-list>} lists the largest
 * methods of the compiled module's classes and fails if any method's bytecode exceeds
 * {@code limit} (HotSpot's HugeMethodLimit, 8,000 bytes: larger methods are never JIT-compiled)
 * unless its name is on the allow-list (one name per line, {@code #} comments giving the reason).
 */
public final class MethodSizeCheck {
    private MethodSizeCheck() {}

    record Method(String owner, String name, int codeLength) {}

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        Set<String> allowed = args.length > 2 ? allowList(Path.of(args[2])) : Set.of();
        List<Method> methods = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(p)) {
                    methods.addAll(methods(in));
                }
            }
        }
        methods.sort(Comparator.comparingInt(Method::codeLength).reversed());
        System.out.printf("[method-size] %d methods in %s; the largest:%n", methods.size(), classes);
        for (int i = 0; i < Math.min(12, methods.size()); i++) {
            Method m = methods.get(i);
            System.out.printf("[method-size]   %,7d  %s.%s%s%n", m.codeLength, m.owner, m.name, allowed.contains(m.name) ? " (allowed)" : "");
        }
        List<Method> over = methods.stream().filter(m -> m.codeLength > limit && !allowed.contains(m.name)).toList();
        if (!over.isEmpty()) {
            StringBuilder msg = new StringBuilder("methods over HotSpot's " + limit + "-byte JIT limit and not on the allow-list:");
            over.forEach(m -> msg.append("\n  ").append(m.name).append(' ').append(m.codeLength));
            throw new IllegalStateException(msg.toString());
        }
    }

    static Set<String> allowList(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String s = line.replaceAll("#.*", "").trim();
            if (!s.isEmpty()) {
                names.add(s);
            }
        }
        return names;
    }

    /** Every method of a class file with the length of its Code attribute. */
    static List<Method> methods(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort();
        String owner = utf8[classNameIndex[in.readUnsignedShort()]];
        in.readUnsignedShort();
        in.skipNBytes(2L * in.readUnsignedShort());
        for (int f = in.readUnsignedShort(); f > 0; f--) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        List<Method> methods = new ArrayList<>();
        for (int m = in.readUnsignedShort(); m > 0; m--) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort();
            int codeLength = 0;
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    in.readUnsignedShort();
                    in.readUnsignedShort();
                    codeLength = in.readInt();
                    in.skipNBytes(length - 8L);
                } else {
                    in.skipNBytes(length);
                }
            }
            methods.add(new Method(owner, name, codeLength));
        }
        return methods;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int a = in.readUnsignedShort(); a > 0; a--) {
            in.readUnsignedShort();
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }
}
