package fr.vigie.hub.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Reads what {@link SealedOutputStream} wrote, one authenticated chunk at a time: no byte of a chunk is
 * handed out before its tag is checked. A chunk that does not authenticate, or bytes after the last chunk,
 * throw {@link SealedArchiveException} ({@code ARCHIVE_TAMPERED}); an end of file before the last chunk, the
 * same with {@code ARCHIVE_TRUNCATED}. Not thread-safe.
 */
final class SealedInputStream extends InputStream {
    private final DataInputStream in;
    private final ArchiveKey key;
    private byte[] chunk = new byte[0];
    private int position;
    private long index;
    private boolean last;

    SealedInputStream(InputStream in, ArchiveKey key) {
        this.in = new DataInputStream(in);
        this.key = key;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (last) {
                return -1;
            }
            open();
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    private void open() throws IOException {
        int flag;
        int length;
        byte[] sealed;
        try {
            flag = in.readUnsignedByte();
            length = in.readInt();
            if (flag > 1 || length < SealedOutputStream.TAG_BITS / 8 || length > SealedOutputStream.CHUNK
                    + SealedOutputStream.TAG_BITS / 8) {
                throw new SealedArchiveException(BackupRefused.Code.ARCHIVE_TAMPERED, "chunk " + index
                        + " has an impossible length or flag");
            }
            sealed = in.readNBytes(length);
            if (sealed.length < length) {
                throw new EOFException();
            }
        } catch (EOFException e) {
            throw new SealedArchiveException(BackupRefused.Code.ARCHIVE_TRUNCATED, "the archive stops after "
                    + index + " chunk(s) of 64 KiB, before its end: an interrupted copy?");
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(SealedOutputStream.TAG_BITS,
                    SealedOutputStream.nonce(index)));
            gcm.updateAAD(SealedOutputStream.additionalData(key.header(), flag == 1));
            chunk = gcm.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new SealedArchiveException(BackupRefused.Code.ARCHIVE_TAMPERED, "chunk " + index
                    + " (from byte " + (index * SealedOutputStream.CHUNK) + " of the content) does not authenticate:"
                    + " the archive was changed or damaged");
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is not available: " + e, e);
        }
        position = 0;
        index++;
        if (flag == 1) {
            last = true;
            if (in.read() != -1) {
                throw new SealedArchiveException(BackupRefused.Code.ARCHIVE_TAMPERED, "bytes follow the archive's"
                        + " last chunk");
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A sealed stream that cannot be trusted; carries the refusal to give. */
    static final class SealedArchiveException extends IOException {
        private static final long serialVersionUID = 1L;
        private final BackupRefused.Code code;

        SealedArchiveException(BackupRefused.Code code, String message) {
            super(message);
            this.code = code;
        }

        BackupRefused refusal() {
            return new BackupRefused(code, getMessage(), this);
        }
    }
}
