package dev.tokenbill.usage.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Buffered spill-file I/O on a {@link FileChannel} with a heap {@link ByteBuffer} (a
 * DataOutputStream pays a lock per long; the spill writes a few per row). Strings are a char
 * count (short; the top bit set when they are stored as two bytes per char) then their chars
 * as one byte each when all are ASCII, else as UTF-16: lossless for any Java string.
 */
final class SpillChannel {

    private SpillChannel() {
    }

    static void putString(ByteBuffer out, String s) {
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            out.putShort((short) n);
            for (int i = 0; i < n; i++) {
                out.put((byte) s.charAt(i));
            }
        } else {
            out.putShort((short) (n | 0x8000));
            for (int i = 0; i < n; i++) {
                out.putChar(s.charAt(i));
            }
        }
    }

    /** Bytes {@link #putString} needs at most for a string of this length. */
    static int stringBytes(String s) {
        return 2 + 2 * s.length();
    }

    static final class Output implements Closeable {
        private final FileChannel channel;
        private final ByteBuffer buffer;

        Output(Path file, int bufferBytes) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            buffer = ByteBuffer.allocate(bufferBytes);
        }

        /** Writes the record held in {@code record} (flipped). */
        void write(ByteBuffer record) throws IOException {
            if (buffer.remaining() < record.remaining()) {
                flush();
                if (buffer.remaining() < record.remaining()) {
                    while (record.hasRemaining()) {
                        channel.write(record);
                    }
                    return;
                }
            }
            buffer.put(record);
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            flush();
            channel.close();
        }
    }

    static final class Input implements Closeable {
        private final FileChannel channel;
        private ByteBuffer buffer = ByteBuffer.allocate(1 << 18).flip();

        Input(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }

        /** The buffer, holding at least {@code bytes} unread bytes. */
        ByteBuffer need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return buffer;
            }
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocate(bytes * 2).put(buffer);
            } else {
                buffer.compact();
            }
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("spill file ends inside a record (a bug, or the file was changed)");
                }
            }
            return buffer.flip();
        }

        String string() throws IOException {
            int header = need(2).getShort() & 0xFFFF;
            int n = header & 0x7FFF;
            if ((header & 0x8000) == 0) {
                ByteBuffer b = need(n);
                byte[] bytes = new byte[n];
                b.get(bytes);
                return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            ByteBuffer b = need(2 * n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = b.getChar();
            }
            return new String(chars);
        }

        void skipString() throws IOException {
            int header = need(2).getShort() & 0xFFFF;
            int n = (header & 0x8000) == 0 ? header : 2 * (header & 0x7FFF);
            ByteBuffer b = need(n);
            b.position(b.position() + n);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
