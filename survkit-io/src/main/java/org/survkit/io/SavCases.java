package org.survkit.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads the cases of an SPSS system file one at a time into their 8-byte slots: uncompressed, or with
 * bytecode compression (also the stream inside zlib blocks).
 *
 * <p>Bytecode compression: each group of 8 command bytes says what the next 8 slots are: 0 nothing (padding),
 * 1–251 the number {@code code − bias}, 252 the end of the data, 253 8 raw bytes that follow the group, 254
 * eight spaces, 255 the system-missing value.
 */
final class SavCases {

    private static final byte[] SPACES = "        ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ByteReader in;
    private final boolean compressed;
    private final double bias;
    private final byte[] data;
    private final ByteBuffer slots;
    private final byte[] commands = new byte[8];
    private int nextCommand = commands.length;
    private boolean ended;

    /**
     * Prepares to read.
     *
     * @param in         the data, at their start
     * @param dictionary the file's dictionary
     */
    SavCases(ByteReader in, SavDictionary dictionary) {
        this.in = in;
        this.compressed = dictionary.compression != 0;
        this.bias = dictionary.bias;
        this.data = new byte[8 * dictionary.slots];
        this.slots = ByteBuffer.wrap(data).order(in.order());
    }

    /** {@return the slots of the last case read, as bytes} */
    byte[] data() {
        return data;
    }

    /** {@return the slots of the last case read, for numbers in the file's byte order} */
    ByteBuffer slots() {
        return slots;
    }

    /**
     * Reads the next case.
     *
     * @return false at the end of the data (which must fall between two cases)
     * @throws EOFException if the file ends inside a case
     * @throws IOException  if the file cannot be read
     * @throws BadStatFile  if the compressed data end inside a case
     */
    boolean next() throws IOException {
        if (ended) {
            return false;
        }
        if (!compressed) {
            if (in.atEnd()) {
                ended = true;
                return false;
            }
            in.read(data, 0, data.length);
            return true;
        }
        int count = data.length / 8;
        for (int slot = 0; slot < count; slot++) {
            int code = command(slot == 0);
            if (code < 0) {
                ended = true;
                return false;
            }
            switch (code) {
                case 253 -> in.read(data, 8 * slot, 8);
                case 254 -> System.arraycopy(SPACES, 0, data, 8 * slot, 8);
                case 255 -> slots.putDouble(8 * slot, SavDictionary.SYSMIS);
                default -> slots.putDouble(8 * slot, code - bias);
            }
        }
        return true;
    }

    /**
     * The next command byte, skipping padding.
     *
     * @param atCaseStart true before the first slot of a case, where the data may end
     * @return the command, or -1 at the end of the data
     */
    private int command(boolean atCaseStart) throws IOException {
        while (true) {
            if (nextCommand == commands.length) {
                if (atCaseStart && in.atEnd()) {
                    return -1;
                }
                in.read(commands, 0, commands.length);
                nextCommand = 0;
            }
            int code = commands[nextCommand++] & 0xFF;
            if (code == 252) {
                if (!atCaseStart) {
                    throw new BadStatFile("the compressed data end inside a case");
                }
                Arrays.fill(commands, (byte) 0);
                return -1;
            }
            if (code != 0) {
                return code;
            }
        }
    }
}
