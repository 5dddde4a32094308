package fr.vigie.hardware.sim.pcsc;

import fr.vigie.hardware.sim.card.VirtualCard;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a {@link VirtualCard} behind a real {@code pcscd}, as the card side of
 * {@code vsmartcard-vpcd}: the card is "inserted" while this connector is connected to vpcd's port
 * and "removed" when it is {@linkplain #close() closed}.
 *
 * <p>Wire protocol: each message is a 2-byte big-endian length then the bytes. A 1-byte message is
 * a control: 0 power off, 1 power on, 2 reset, 4 get ATR (answered with the ATR); anything else
 * is a command APDU answered with the response APDU. vpcd sends the length and the message in two
 * TCP segments; to avoid a delayed-ACK stall (about 48 ms per APDU, measured), the socket has
 * {@code TCP_NODELAY} and re-arms {@code TCP_QUICKACK} before every read (Linux). One daemon thread
 * per connector. Thread-safe.
 *
 * <pre>{@code
 * try (VpcdCardConnector inserted = VpcdCardConnector.connect(card, "127.0.0.1", 35963)) {
 *     // pcscd's "Virtual PCD 00 00" now holds the card
 * }
 * }</pre>
 */
public final class VpcdCardConnector implements AutoCloseable {
    /** vpcd's default port for its first reader ("Virtual PCD 00 00"). */
    public static final int DEFAULT_PORT = 35963;
    private static final Logger LOG = LoggerFactory.getLogger(VpcdCardConnector.class);

    private final VirtualCard card;
    private final Socket socket;
    private final Thread thread;
    private final boolean quickAck;
    private volatile boolean closed;
    private volatile int apdus;

    private VpcdCardConnector(VirtualCard card, Socket socket) {
        this.card = card;
        this.socket = socket;
        this.quickAck = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        this.thread = new Thread(this::serve, "vigie-vpcd " + socket.getPort());
        this.thread.setDaemon(true);
    }

    /**
     * Connects {@code card} to vpcd (inserting it into the matching reader).
     *
     * @throws IOException if vpcd (pcscd with the vpcd driver) is not listening there
     */
    public static VpcdCardConnector connect(VirtualCard card, String host, int port) throws IOException {
        Objects.requireNonNull(card, "card");
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        VpcdCardConnector connector = new VpcdCardConnector(card, socket);
        connector.thread.start();
        return connector;
    }

    /** @return command APDUs served so far */
    public int apduCount() {
        return apdus;
    }

    /** @return whether the card is still connected (inserted) */
    public boolean isConnected() {
        return !closed && thread.isAlive();
    }

    private void serve() {
        try (Socket s = socket) {
            InputStream raw = s.getInputStream();
            DataInputStream in = new DataInputStream(raw);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (!closed) {
                armQuickAck();
                int length = in.readUnsignedShort();
                byte[] message = new byte[length];
                in.readFully(message);
                if (length == 1) {
                    control(message[0] & 0xFF, out);
                } else if (length > 1) {
                    byte[] response = card.process(message);
                    apdus++;
                    send(out, response);
                }
            }
        } catch (EOFException | SocketException e) {
            if (!closed) {
                LOG.info("vpcd closed the connection on port {}", socket.getPort());
            }
        } catch (IOException e) {
            LOG.warn("vpcd connection on port {} failed: {}", socket.getPort(), e.toString());
        } finally {
            closed = true;
        }
    }

    private void control(int code, DataOutputStream out) throws IOException {
        switch (code) {
            case 0, 1, 2 -> card.reset();
            case 4 -> send(out, card.atr());
            default -> LOG.debug("vpcd control {} ignored", code);
        }
    }

    private void armQuickAck() throws IOException {
        if (quickAck) {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }

    private static void send(DataOutputStream out, byte[] data) throws IOException {
        byte[] frame = new byte[data.length + 2];
        frame[0] = (byte) (data.length >> 8);
        frame[1] = (byte) data.length;
        System.arraycopy(data, 0, frame, 2, data.length);
        out.write(frame); // one write, one segment: length and data together
        out.flush();
    }

    /** Removes the card: closes the connection to vpcd and waits for the serving thread. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
            if (Thread.currentThread() != thread) {
                thread.join(2000);
            }
        } catch (IOException e) {
            LOG.debug("closing vpcd socket: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
