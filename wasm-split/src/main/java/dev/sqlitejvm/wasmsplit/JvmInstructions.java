package dev.sqlitejvm.wasmsplit;

/** Walks JVM bytecode one instruction at a time (JVMS chapter 6), for in-place patches. */
final class JvmInstructions {
    static final int INVOKESTATIC = 0xB8;
    static final int NOP = 0x00;

    private static final int TABLESWITCH = 0xAA;
    private static final int LOOKUPSWITCH = 0xAB;
    private static final int WIDE = 0xC4;
    private static final int IINC = 0x84;

    /** Length of each fixed-size instruction, by opcode; 0 for the variable-size and unused ones. */
    private static final byte[] LENGTH = new byte[256];

    static {
        fill(0x00, 0x0F, 1); // nop, constants
        fill(0x10, 0x10, 2); // bipush
        fill(0x11, 0x11, 3); // sipush
        fill(0x12, 0x12, 2); // ldc
        fill(0x13, 0x14, 3); // ldc_w, ldc2_w
        fill(0x15, 0x19, 2); // loads with an index
        fill(0x1A, 0x35, 1); // loads _n, array loads
        fill(0x36, 0x3A, 2); // stores with an index
        fill(0x3B, 0x83, 1); // stores _n, array stores, stack, arithmetic
        fill(IINC, IINC, 3);
        fill(0x85, 0x98, 1); // conversions, comparisons
        fill(0x99, 0xA8, 3); // branches, goto, jsr
        fill(0xA9, 0xA9, 2); // ret
        fill(0xAC, 0xB1, 1); // returns
        fill(0xB2, 0xB8, 3); // field access, invokevirtual/special/static
        fill(0xB9, 0xBA, 5); // invokeinterface, invokedynamic
        fill(0xBB, 0xBB, 3); // new
        fill(0xBC, 0xBC, 2); // newarray
        fill(0xBD, 0xBD, 3); // anewarray
        fill(0xBE, 0xBF, 1); // arraylength, athrow
        fill(0xC0, 0xC1, 3); // checkcast, instanceof
        fill(0xC2, 0xC3, 1); // monitorenter/exit
        fill(0xC5, 0xC5, 4); // multianewarray
        fill(0xC6, 0xC7, 3); // ifnull, ifnonnull
        fill(0xC8, 0xC9, 5); // goto_w, jsr_w
    }

    private JvmInstructions() {}

    private static void fill(int from, int to, int length) {
        for (int op = from; op <= to; op++) {
            LENGTH[op] = (byte) length;
        }
    }

    /**
     * Length of the instruction at {@code code[start + pc]}, where {@code start} is where the
     * method's bytecode begins in the array (switch padding is relative to it).
     */
    static int length(byte[] code, int start, int pc) {
        int op = code[start + pc] & 0xFF;
        switch (op) {
            case TABLESWITCH -> {
                int operands = pc + 1 + padding(pc);
                int low = readInt(code, start + operands + 4);
                int high = readInt(code, start + operands + 8);
                return operands - pc + 12 + 4 * (high - low + 1);
            }
            case LOOKUPSWITCH -> {
                int operands = pc + 1 + padding(pc);
                int pairs = readInt(code, start + operands + 4);
                return operands - pc + 8 + 8 * pairs;
            }
            case WIDE -> {
                return (code[start + pc + 1] & 0xFF) == IINC ? 6 : 4;
            }
            default -> {
                int length = LENGTH[op];
                if (length == 0) {
                    throw new IllegalArgumentException("unknown opcode 0x" + Integer.toHexString(op) + " at " + pc);
                }
                return length;
            }
        }
    }

    private static int padding(int pc) {
        return (4 - (pc + 1) % 4) % 4;
    }

    static int readU2(byte[] code, int at) {
        return (code[at] & 0xFF) << 8 | code[at + 1] & 0xFF;
    }

    private static int readInt(byte[] code, int at) {
        return (code[at] & 0xFF) << 24 | (code[at + 1] & 0xFF) << 16 | (code[at + 2] & 0xFF) << 8 | code[at + 3] & 0xFF;
    }
}
