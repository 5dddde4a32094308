package fr.vigie.hub.gam;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One MLLP connection to the GAM (HL7 minimal lower layer protocol: each message framed by {@code 0x0B} …
 * {@code 0x1C 0x0D}), over TCP or TLS. One exchange at a time: a message out, its acknowledgement back. Not
 * thread-safe; after any failure the caller closes it and opens a new one (a late acknowledgement must never be
 * taken for the next message's).
 */
final class MllpConnection implements Closeable {
    static final byte START = 0x0B;
    static final byte END = 0x1C;
    static final byte CR = 0x0D;
    /** Largest acknowledgement read; a bigger answer is refused. */
    static final int MAX_ANSWER = 1 << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private MllpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream(), 4096);
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code host:port}; over TLS (1.2 or 1.3, the server's name checked against its certificate) when
     * {@code tls} is not null.
     */
    static MllpConnection open(String host, int port, SSLSocketFactory tls) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.setKeepAlive(true);
            plain.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            if (tls == null) {
                return new MllpConnection(plain);
            }
            SSLSocket s = (SSLSocket) tls.createSocket(plain, host, port, true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            s.setSSLParameters(p);
            s.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
            s.startHandshake();
            return new MllpConnection(s);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * Sends {@code message} and waits at most {@code timeout} for the answer.
     *
     * @return the answer's text (UTF-8)
     * @throws SocketTimeoutException when no complete answer came in time
     * @throws IOException when the connection failed or the answer is not MLLP-framed
     */
    String exchange(String message, Duration timeout) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[body.length + 3];
        frame[0] = START;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[frame.length - 2] = END;
        frame[frame.length - 1] = CR;
        out.write(frame);
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        return readFrame(deadline);
    }

    private String readFrame(long deadline) throws IOException {
        int b;
        do {
            b = read(deadline);
        } while (b == CR || b == '\n'); // tolerate stray line ends between frames
        if (b != START) {
            throw new IOException("the GAM's answer does not start with an MLLP block (0x0B)");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        while (true) {
            b = read(deadline);
            if (b == END) {
                int last = read(deadline);
                if (last != CR) {
                    throw new IOException("the GAM's answer ends its MLLP block without 0x0D");
                }
                return text(body.toByteArray());
            }
            if (body.size() >= MAX_ANSWER) {
                throw new IOException("the GAM's answer is larger than " + MAX_ANSWER + " bytes");
            }
            body.write(b);
        }
    }

    /**
     * The answer's text: UTF-8 (what the hub sends, MSH-18 {@code UNICODE UTF-8}), or ISO 8859-1 when the bytes are
     * not UTF-8 (PAM France's other character set, {@code 8859/1}), so that a GAM's words are never mangled.
     */
    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private int read(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no acknowledgement from the GAM in time");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, left)));
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the GAM closed the connection before acknowledging");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
