package dev.sqlitejvm.wasmsplit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Build step: {@code Main <in.wasm> <out.wasm> <target> [symbols]} splits every function whose
 * estimated bytecode exceeds {@code target} and writes a report next to the output
 * ({@code out.wasm.split.txt}) naming each split function (from the wasm-opt symbol map, if given),
 * the cells' range and number of accesses ({@code out.wasm.cells}) and table 0's functions if they
 * never change ({@code out.wasm.table}) and the byte-swap functions ({@code out.wasm.swaps}), all read by
 * {@link CompiledCodeRewrite}. Deterministic: the same input gives the same output, byte for byte.
 */
public final class Main {
    /** Suffix of the file, next to the split module, that describes its cells. */
    static final String CELLS_SUFFIX = ".cells";
    /** Suffix of the file, next to the split module, that gives table 0's functions if they never change. */
    static final String TABLE_SUFFIX = ".table";
    /** Suffix of the file, next to the split module, that names the byte-swap functions {@link ByteSwaps} added. */
    static final String SWAPS_SUFFIX = ".swaps";

    private Main() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Main <in.wasm> <out.wasm> <target-bytes> [symbol-map]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int target = Integer.parseInt(args[2]);
        Map<Integer, String> names = args.length > 3 ? symbols(Path.of(args[3])) : Map.of();
        byte[] wasm = Files.readAllBytes(in);
        Splitter.Result result = Splitter.split(wasm, target);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, result.wasm());
        StringBuilder report = new StringBuilder();
        report.append(String.format("# wasm-split: %s -> %s, target %d estimated bytecode bytes%n", in.getFileName(), out.getFileName(), target));
        report.append("# function\tname\testimate before\tafter\tregions (function:estimate/params/outs/exits)\n");
        int created = 0;
        for (Splitter.Split s : result.splits()) {
            StringBuilder regions = new StringBuilder();
            for (int[] r : s.regions()) {
                regions.append(' ').append(r[0]).append(':').append(r[1]).append('/').append(r[2]).append('/').append(r[3]).append('/').append(r[4]);
            }
            created += s.regions().size();
            report.append(String.format("%d\t%s\t%d\t%d\t%s%n", s.function(), names.getOrDefault(s.function(), "?"),
                    s.estimatedBefore(), s.estimatedAfter(), regions.toString().trim()));
        }
        Files.writeString(Path.of(out + ".split.txt"), report);
        CellAccesses.Range cells = result.cells();
        Files.writeString(Path.of(out + CELLS_SUFFIX), String.format(
                "# the splitter's cells in %s (see CellAccesses)%nbase=%d%nbytes=%d%naccesses=%d%n",
                out.getFileName(), cells.base(), cells.bytes(), result.cellAccesses()));
        int[] table = FixedTable.of(WasmModule.parse(result.wasm()));
        Files.writeString(Path.of(out + TABLE_SUFFIX), String.format(
                "# table 0 of %s, function index by element (-1 empty); no elements line: the table may change (see FixedTable)%n%s",
                out.getFileName(), table == null ? "" : "elements=" + java.util.Arrays.stream(table)
                        .mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",")) + "\n"));
        ByteSwaps.Result swaps = result.swaps();
        Files.writeString(Path.of(out + SWAPS_SUFFIX), String.format(
                "# the byte-swap functions of %s (-1: none) and how many calls of them it makes, see ByteSwaps%n"
                        + "swap16=%d%nswap32=%d%nswap64=%d%ncalls=%d%n",
                out.getFileName(), swaps.swap16(), swaps.swap32(), swaps.swap64(), result.swapCalls()));
        System.out.printf("[wasm-split] byte swaps spelled out made a call of a swap function: %d of 2 bytes, %d of 4, %d of 8; "
                + "big-endian reads byte by byte made one load and a swap: %d of 2 bytes, %d of 4, %d of 8%n",
                swaps.swaps2(), swaps.swaps4(), swaps.swaps8(), swaps.loads2(), swaps.loads4(), swaps.loads8());
        System.out.printf("[wasm-split] %d functions split into %d new functions; values held under %d blocks moved after them; %,d -> %,d bytes (%s)%n",
                result.splits().size(), created, result.sunkBlocks(), wasm.length, result.wasm().length, out);
    }

    /** Reads wasm-opt's {@code --symbolmap} output ("index:name" lines). */
    static Map<Integer, String> symbols(Path file) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        if (!Files.exists(file)) {
            return names;
        }
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                names.put(Integer.parseInt(line.substring(0, colon)), line.substring(colon + 1));
            }
        }
        return names;
    }
}
