package org.survkit.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The data of a ZLIB-compressed SPSS file ({@code .zsav}) decompressed: the file holds, between the zlib data
 * header and the zlib trailer, a series of zlib streams whose decompressed bytes, joined, are the bytecode
 * compressed cases. Read in order from the file; the trailer (a block index) is not needed.
 */
final class ZlibBlocks extends InputStream {

    private final ByteReader file;
    private final long end;
    private final Inflater inflater = new Inflater();
    private final byte[] input = new byte[1 << 16];
    private int inputLength;
    private boolean between = true;

    /**
     * Prepares to decompress.
     *
     * @param file the file, at the first compressed block
     * @param end  the offset of the zlib trailer, where the blocks end
     */
    ZlibBlocks(ByteReader file, long end) {
        this.file = file;
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (true) {
                if (inflater.finished()) {
                    int left = inflater.getRemaining();
                    if (left == 0 && file.position() >= end) {
                        return -1;
                    }
                    inflater.reset();
                    between = left == 0;
                    if (left > 0) {
                        inflater.setInput(input, inputLength - left, left);
                    }
                }
                if (inflater.needsInput()) {
                    long available = end - file.position();
                    if (available <= 0) {
                        if (between) {
                            return -1;
                        }
                        throw new EOFException();
                    }
                    between = false;
                    inputLength = (int) Math.min(input.length, available);
                    file.read(input, 0, inputLength);
                    inflater.setInput(input, 0, inputLength);
                }
                int n = inflater.inflate(into, offset, length);
                if (n > 0) {
                    return n;
                }
                if (inflater.needsDictionary()) {
                    throw new BadStatFile("a compressed block asks for a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new BadStatFile("a compressed block of the data is damaged (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
