package dev.sqlitejvm.wasmsplit;

/**
 * A run of whole statements of one function, [from, to) in instruction indices, moved into a new
 * function. Branches leaving it become exit codes its call site dispatches on.
 */
final class Region {
    /** Marks a {@code return} among {@link #exits}. */
    static final int RETURN_EXIT = -1;

    final int from;
    final int to;
    final boolean endsUnreachable;
    /** External labels, relative to the region's top level, in first-use order; RETURN_EXIT last if any. */
    final int[] exits;
    /** Locals live on entry that the region uses: the new function's parameters, in order. */
    final int[] liveIn;
    /** Locals the region writes that are live where it exits: handed back through globals. */
    final int[] outs;
    /** Locals the region mentions (sorted); those not in liveIn become the new function's own locals. */
    final int[] referenced;
    final int estimatedSize;
    int function = -1;

    Region(int from, int to, boolean endsUnreachable, int[] exits, int[] liveIn, int[] outs, int[] referenced, int estimatedSize) {
        this.from = from;
        this.to = to;
        this.endsUnreachable = endsUnreachable;
        this.exits = exits;
        this.liveIn = liveIn;
        this.outs = outs;
        this.referenced = referenced;
        this.estimatedSize = estimatedSize;
    }

    boolean hasReturn() {
        return exits.length > 0 && exits[exits.length - 1] == RETURN_EXIT;
    }

    /** Exit code of an external label (1-based; 0 is falling off the end). */
    int exitCode(int label) {
        for (int k = 0; k < exits.length; k++) {
            if (exits[k] == label) {
                return k + 1;
            }
        }
        throw new IllegalStateException("label " + label + " is not an exit");
    }

    /** Estimated bytecode of the call site that replaces the region. */
    int stubSize() {
        return 2 * liveIn.length + 10 + 12 * outs.length + (exits.length > 0 ? 24 + 5 * exits.length : 0);
    }
}
