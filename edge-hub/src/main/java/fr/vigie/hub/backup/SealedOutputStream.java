package fr.vigie.hub.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts a stream in chunks of at most {@value #CHUNK} bytes with AES-256-GCM, so that an archive of any size
 * is written and read in constant memory. After the {@link ArchiveKey} header, each chunk is one byte (1 for the
 * last chunk, else 0), the ciphertext's length (4 bytes) and the ciphertext with its 16-byte tag. Chunk
 * {@code i}'s nonce is {@code i} (96 bits, big-endian), unique because each archive has its own key (a fresh
 * salt), and its additional data is the header followed by the last-chunk byte: a changed, dropped, reordered
 * or appended chunk, a changed header or an archive cut after any chunk but the last is detected when read
 * ({@link SealedInputStream}). {@link #finish()} (or {@link #close()}) writes the last chunk. Not thread-safe.
 */
final class SealedOutputStream extends OutputStream {
    static final int CHUNK = 64 * 1024;
    static final int TAG_BITS = 128;

    private final DataOutputStream out;
    private final ArchiveKey key;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    private long index;
    private boolean finished;

    SealedOutputStream(OutputStream out, ArchiveKey key) throws IOException {
        this.out = new DataOutputStream(out);
        this.key = key;
        this.out.write(key.header());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("the archive's last chunk is written already");
        }
        while (len > 0) {
            if (filled == CHUNK) {
                seal(false);
            }
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        byte[] sealed;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce(index)));
            gcm.updateAAD(additionalData(key.header(), last));
            sealed = gcm.doFinal(buffer, 0, filled);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is not available: " + e, e);
        }
        out.writeByte(last ? 1 : 0);
        out.writeInt(sealed.length);
        out.write(sealed);
        Arrays.fill(buffer, 0, filled, (byte) 0);
        filled = 0;
        index++;
    }

    static byte[] nonce(long index) {
        return ByteBuffer.allocate(12).putInt(0).putLong(index).array();
    }

    static byte[] additionalData(byte[] header, boolean last) {
        byte[] aad = Arrays.copyOf(header, header.length + 1);
        aad[header.length] = (byte) (last ? 1 : 0);
        return aad;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the last chunk and flushes; nothing may be written after. */
    void finish() throws IOException {
        if (!finished) {
            finished = true;
            seal(true);
            out.flush();
        }
    }

    /** {@link #finish() Finishes} the stream and closes the underlying one. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }
}
