package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The flat linear memory: little-endian values, growth, and a wasm trap for every access past either end. */
class FlatMemoryTest {
    private static final int PAGE = Memory.PAGE_SIZE;

    @Test
    void valuesAreLittleEndianAndUnaligned() {
        FlatMemory m = new FlatMemory(new MemoryLimits(1, 2));
        m.writeI32(1, 0x04030201);
        assertEquals(1, m.read(1));
        assertEquals(4, m.read(4));
        assertEquals(0x0302, m.readShort(2));
        m.writeLong(13, 0x0807060504030201L);
        assertEquals(0x0807060504030201L, m.readLong(13));
        assertEquals(0x04030201, m.readInt(13));
        m.writeF64(100, Math.PI);
        assertEquals(Math.PI, m.readDouble(100));
        m.writeF32(200, 1.5f);
        assertEquals(1.5f, m.readFloat(200));
        m.writeShort(PAGE - 2, (short) -2);
        assertEquals(0xFFFE, m.readU16(PAGE - 2));
    }

    @Test
    void growKeepsTheContentsAndStopsAtTheMaximum() {
        FlatMemory m = new FlatMemory(new MemoryLimits(1, 3));
        m.writeI32(PAGE - 4, 42);
        assertEquals(1, m.grow(1));
        assertEquals(2, m.pages());
        assertEquals(42, m.readInt(PAGE - 4));
        m.writeLong(2 * PAGE - 8, 7L); // the new page is usable up to its last byte
        assertEquals(-1, m.grow(2), "past the maximum");
        assertEquals(-1, m.grow(-1), "an unsigned delta of 2^32 - 1 pages");
        assertEquals(2, m.grow(0));
        assertEquals(2, m.pages());
    }

    @Test
    void growingReservesRoomAheadButHandsOutZeroedPagesOnly() {
        FlatMemory m = new FlatMemory(new MemoryLimits(4, 1000));
        int exactPages = FlatMemory.EXACT_GROWTH_LIMIT / PAGE;
        for (int pages = 5; pages <= exactPages + 40; pages++) {
            byte[] before = m.array();
            assertEquals(pages - 1, m.grow(1));
            m.writeByte(Memory.bytes(pages) - 1, (byte) pages); // the last byte of the new page
            if (pages <= exactPages) {
                assertEquals(Memory.bytes(pages), m.array().length, "small memories grow to the size asked for");
            } else if (pages == exactPages + 1) {
                assertTrue(m.array().length > Memory.bytes(pages), "room for more than the one page asked for");
            } else if (m.array() != before) {
                assertTrue(m.array().length >= before.length * 3 / 2, "grows by half again at least");
            }
        }
        assertEquals(exactPages + 40, m.pages());
        assertEquals(7, m.read(Memory.bytes(7) - 1));
        int end = Memory.bytes(exactPages + 40);
        if (m.array().length > end) {
            m.writeByte(end, (byte) 99); // past the size but inside the room: not a correct program's store
            assertThrows(WasmRuntimeException.class, () -> m.readBytes(end, 1), "bulk access is checked against the size");
            assertEquals(exactPages + 40, m.grow(1));
            assertEquals(0, m.read(end), "a grown page is all zeros");
        }
    }

    @Test
    void everyAccessPastEitherEndTraps() {
        FlatMemory m = new FlatMemory(new MemoryLimits(1, 1));
        int end = PAGE;
        List<IntConsumer> accesses = List.of(
                a -> m.read(a), a -> m.writeByte(a, (byte) 1),
                a -> m.readShort(a), a -> m.writeShort(a, (short) 1),
                a -> m.readInt(a), a -> m.writeI32(a, 1),
                a -> m.readLong(a), a -> m.writeLong(a, 1),
                a -> m.readFloat(a), a -> m.writeF32(a, 1),
                a -> m.readDouble(a), a -> m.writeF64(a, 1));
        int[] widths = {1, 1, 2, 2, 4, 4, 8, 8, 4, 4, 8, 8};
        for (int i = 0; i < accesses.size(); i++) {
            IntConsumer access = accesses.get(i);
            access.accept(end - widths[i]); // the last whole value fits
            for (int addr : new int[] {end - widths[i] + 1, end, Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
                if (widths[i] == 1 && addr == end - widths[i] + 1) {
                    continue; // that is the last byte, still inside
                }
                int a = addr;
                assertThrows(WasmRuntimeException.class, () -> access.accept(a), "access " + i + " at " + a);
            }
        }
    }

    @Test
    void bulkOperationsAreBoundsChecked() {
        FlatMemory m = new FlatMemory(new MemoryLimits(1, 1));
        m.write(10, new byte[] {1, 2, 3, 4}, 1, 2);
        assertArrayEquals(new byte[] {0, 2, 3, 0}, m.readBytes(9, 4));
        m.copy(11, 10, 3); // overlapping, forwards
        assertArrayEquals(new byte[] {2, 2, 3, 0}, m.readBytes(10, 4));
        m.fill((byte) 9, 20, 24);
        assertArrayEquals(new byte[] {9, 9, 9, 9, 0}, m.readBytes(20, 5));
        assertThrows(WasmRuntimeException.class, () -> m.readBytes(PAGE - 2, 3));
        assertThrows(WasmRuntimeException.class, () -> m.write(PAGE - 1, new byte[2], 0, 2));
        assertThrows(WasmRuntimeException.class, () -> m.copy(0, PAGE - 1, 2));
        assertThrows(WasmRuntimeException.class, () -> m.copy(PAGE - 1, 0, 2));
        assertThrows(WasmRuntimeException.class, () -> m.fill((byte) 0, PAGE - 1, PAGE + 1));
        assertThrows(WasmRuntimeException.class, () -> m.readBytes(-1, 1));
        m.copy(PAGE, 0, 0); // zero bytes at the very end is allowed
    }
}
