package fr.vigie.hub.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes the entries of a hub backup into a stream (the plain side of a {@link SealedOutputStream}): for each
 * entry its kind (1 byte), name (modified UTF-8), mode (4 bytes), then its content as chunks of a 4-byte length
 * and that many bytes, ended by a chunk of length 0; the archive ends with a kind 0. Streams content of any
 * size without knowing it in advance (a {@code pg_dump} output). Not thread-safe.
 */
public final class ArchiveWriter {
    private static final int CHUNK = 64 * 1024;
    private final DataOutputStream out;
    private long bytes;
    private int entries;

    ArchiveWriter(OutputStream plain) {
        this.out = new DataOutputStream(plain);
    }

    /** Writes one entry with all of {@code content}. */
    public void entry(ArchiveEntry.Kind kind, String name, int mode, InputStream content) throws IOException {
        if (!ArchiveEntry.isSafeName(name)) {
            throw new IllegalArgumentException("entry name '" + name + "' is not a plain relative path");
        }
        out.writeByte(kind.code);
        out.writeUTF(name);
        out.writeInt(mode);
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = content.readNBytes(buffer, 0, CHUNK)) > 0) {
            out.writeInt(n);
            out.write(buffer, 0, n);
            bytes += n;
        }
        out.writeInt(0);
        entries++;
    }

    /** Writes the end marker (the archive is incomplete without it). */
    void end() throws IOException {
        out.writeByte(0);
        out.flush();
    }

    /** Content bytes written so far. */
    public long bytes() {
        return bytes;
    }

    /** Entries written so far. */
    public int entries() {
        return entries;
    }
}
