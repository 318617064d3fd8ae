package org.survkit.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the binary values of a statistics file (SPSS, Stata) through a buffer, in either byte order, keeping
 * the position; used by {@link SavSource} and {@link DtaSource}.
 *
 * <p>A read past the end throws {@link EOFException} (the file is truncated); a length that cannot be right
 * (negative, or longer than what is left of the file) throws {@link BadStatFile} before anything is allocated.
 */
final class ByteReader implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final ReadableByteChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private long channelPosition;

    /**
     * Wraps a channel.
     *
     * @param channel  the bytes, positioned at their start
     * @param size     their number, or -1 if unknown (a decompressed stream)
     */
    ByteReader(ReadableByteChannel channel, long size) {
        this.channel = channel;
        this.size = size;
        buffer.flip();
    }

    /**
     * Opens a file.
     *
     * @param file the file
     * @return the reader, little-endian until told otherwise
     * @throws IOException if the file cannot be opened
     */
    static ByteReader open(Path file) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            return new ByteReader(channel, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Sets the byte order of the numbers read from now on.
     *
     * @param order the order
     * @return this reader
     */
    ByteReader order(ByteOrder order) {
        buffer.order(order);
        return this;
    }

    /** {@return the byte order of the numbers} */
    ByteOrder order() {
        return buffer.order();
    }

    /** {@return the offset of the next byte from the start} */
    long position() {
        return channelPosition - buffer.remaining();
    }

    /** {@return the number of bytes, or -1 if unknown} */
    long size() {
        return size;
    }

    /**
     * Moves to an offset of a file.
     *
     * @param offset the offset from the start
     * @throws IOException    if the file cannot be read
     * @throws EOFException   if the offset is past the end
     * @throws BadStatFile    if the offset is negative or the bytes are not a file
     */
    void seek(long offset) throws IOException {
        if (offset < 0 || !(channel instanceof SeekableByteChannel seekable)) {
            throw new BadStatFile("a position inside the file (" + offset + ") is invalid");
        }
        if (offset > size) {
            throw new EOFException();
        }
        long start = channelPosition - buffer.limit();
        if (offset >= start && offset <= channelPosition) {
            buffer.position((int) (offset - start));
            return;
        }
        seekable.position(offset);
        channelPosition = offset;
        buffer.clear().flip();
    }

    /**
     * Checks that a length read from the file fits in what is left of it.
     *
     * @param length the number of bytes about to be read or skipped
     * @param what   what they are, for the message
     * @throws EOFException if the file ends before
     * @throws BadStatFile  if the length is negative
     */
    void checkLength(long length, String what) throws EOFException {
        if (length < 0) {
            throw new BadStatFile("the length of " + what + " is negative (" + length + ")");
        }
        if (size >= 0 && length > size - position()) {
            throw new EOFException();
        }
    }

    private void need(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return;
        }
        buffer.compact();
        try {
            while (buffer.position() < n) {
                int read = channel.read(buffer);
                if (read < 0) {
                    throw new EOFException();
                }
                channelPosition += read;
            }
        } finally {
            buffer.flip();
        }
    }

    /**
     * Tells whether any byte is left, reading ahead if needed.
     *
     * @return true at the end
     * @throws IOException if the bytes cannot be read
     */
    boolean atEnd() throws IOException {
        try {
            need(1);
            return false;
        } catch (EOFException e) {
            return true;
        }
    }

    /** {@return the next byte, 0–255} */
    int u8() throws IOException {
        need(1);
        return buffer.get() & 0xFF;
    }

    /** {@return the next 16-bit integer} */
    short int16() throws IOException {
        need(2);
        return buffer.getShort();
    }

    /** {@return the next 32-bit integer} */
    int int32() throws IOException {
        need(4);
        return buffer.getInt();
    }

    /** {@return the next 64-bit integer} */
    long int64() throws IOException {
        need(8);
        return buffer.getLong();
    }

    /** {@return the next 64-bit floating-point number} */
    double float64() throws IOException {
        need(8);
        return buffer.getDouble();
    }

    /**
     * Reads bytes.
     *
     * @param length how many
     * @param what   what they are, for the message if the length is wrong
     * @return them
     * @throws IOException if the file cannot be read or ends before
     */
    byte[] bytes(long length, String what) throws IOException {
        checkLength(length, what);
        if (length > Integer.MAX_VALUE - 8) {
            throw new BadStatFile(what + " is too long (" + length + " bytes)");
        }
        byte[] out = new byte[(int) length];
        read(out, 0, out.length);
        return out;
    }

    /**
     * Fills part of an array.
     *
     * @param into   the array
     * @param offset where to start
     * @param length how many bytes
     * @throws IOException if the file cannot be read or ends before
     */
    void read(byte[] into, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int chunk = Math.min(length - done, BUFFER);
            need(chunk);
            buffer.get(into, offset + done, chunk);
            done += chunk;
        }
    }

    /**
     * Skips bytes.
     *
     * @param length how many
     * @param what   what they are, for the message if the length is wrong
     * @throws IOException if the file cannot be read or ends before
     */
    void skip(long length, String what) throws IOException {
        checkLength(length, what);
        if (channel instanceof SeekableByteChannel) {
            seek(position() + length);
            return;
        }
        long left = length;
        while (left > 0) {
            int chunk = (int) Math.min(left, BUFFER);
            need(chunk);
            buffer.position(buffer.position() + chunk);
            left -= chunk;
        }
    }

    /**
     * Reads ASCII text that must be there (a Stata tag such as {@code <data>}).
     *
     * @param expected the text
     * @throws IOException if the file cannot be read or ends before
     * @throws BadStatFile if other bytes are there
     */
    void expect(String expected) throws IOException {
        byte[] want = expected.getBytes(StandardCharsets.US_ASCII);
        need(want.length);
        for (byte b : want) {
            if (buffer.get() != b) {
                throw new BadStatFile("\"" + expected + "\" was expected at byte " + (position() - 1)
                        + " but is not there");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
