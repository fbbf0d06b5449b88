package dev.sqlitejvm.wasmsplit;

import java.io.IOException;
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
                methods.addAll(methods(Files.readAllBytes(p)));
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

    /** Every method of a class file with the length of its bytecode. */
    static List<Method> methods(byte[] classFile) throws IOException {
        ClassFile parsed = ClassFile.parse(classFile);
        List<Method> methods = new ArrayList<>();
        for (ClassFile.Method m : parsed.methods) {
            methods.add(new Method(parsed.name, m.name(), m.codeLength()));
        }
        return methods;
    }
}
