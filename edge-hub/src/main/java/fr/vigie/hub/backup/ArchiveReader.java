package fr.vigie.hub.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads back the entries {@link ArchiveWriter} wrote, from the plain side of a {@link SealedInputStream}. Each
 * entry's content must be read (or is skipped) before the next one is asked for. Not thread-safe.
 */
public final class ArchiveReader {
    private final DataInputStream in;
    private Content current;
    private boolean ended;
    private SealedInputStream.SealedArchiveException failure;

    ArchiveReader(InputStream plain) {
        this.in = new DataInputStream(plain);
    }

    /**
     * The next entry, or empty at the archive's end marker.
     *
     * @throws IOException a {@link SealedInputStream.SealedArchiveException} when the archive cannot be trusted
     */
    public Optional<ArchiveEntry> next() throws IOException {
        try {
            return readNext();
        } catch (SealedInputStream.SealedArchiveException e) {
            throw failed(e);
        }
    }

    /**
     * Why the archive could not be trusted, if it could not: kept even when whoever read an entry's content turned
     * the exception into another one (a {@code pg_restore} fed from the archive).
     */
    Optional<SealedInputStream.SealedArchiveException> failure() {
        return Optional.ofNullable(failure);
    }

    private SealedInputStream.SealedArchiveException failed(SealedInputStream.SealedArchiveException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    private Optional<ArchiveEntry> readNext() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        }
        if (ended) {
            return Optional.empty();
        }
        try {
            int code = in.readUnsignedByte();
            if (code == 0) {
                ended = true;
                if (in.read() != -1) {
                    throw malformed("content follows the end marker");
                }
                return Optional.empty();
            }
            ArchiveEntry.Kind kind = ArchiveEntry.Kind.of(code);
            if (kind == null) {
                throw malformed("unknown entry kind " + code);
            }
            String name = in.readUTF();
            if (!ArchiveEntry.isSafeName(name)) {
                throw malformed("entry name '" + name + "' is not a plain relative path");
            }
            int mode = in.readInt();
            current = new Content();
            return Optional.of(new ArchiveEntry(kind, name, mode & 0777, current));
        } catch (EOFException e) {
            throw new SealedInputStream.SealedArchiveException(BackupRefused.Code.ARCHIVE_TRUNCATED,
                    "the archive's content stops before its end marker");
        }
    }

    private static IOException malformed(String what) {
        // the content authenticated, so only a writer of another format can have made it
        return new SealedInputStream.SealedArchiveException(BackupRefused.Code.FORMAT_UNSUPPORTED, what);
    }

    /** One entry's content: its chunks, as one stream. */
    private final class Content extends InputStream {
        private int left;
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return readChunked(b, off, len);
            } catch (SealedInputStream.SealedArchiveException e) {
                throw failed(e);
            }
        }

        private int readChunked(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (done) {
                return -1;
            }
            try {
                if (left == 0) {
                    left = in.readInt();
                    if (left < 0 || left > 64 * 1024) {
                        throw malformed("content chunk of " + left + " bytes");
                    }
                    if (left == 0) {
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, Math.min(len, left));
                if (n < 0) {
                    throw new EOFException();
                }
                left -= n;
                return n;
            } catch (EOFException e) {
                throw new SealedInputStream.SealedArchiveException(BackupRefused.Code.ARCHIVE_TRUNCATED,
                        "the archive's content stops inside an entry");
            }
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
