package fr.vigie.hub.gam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One MLLP exchange against a plain socket playing the GAM, and the acknowledgement read from the answer: framing,
 * AA/AE/AR, the GAM's words kept, answers that are not an acknowledgement of the message sent, timeouts, and the
 * backoff between attempts.
 */
class MllpExchangeTest {
    private static final HapiContext HAPI = new DefaultHapiContext(ValidationContextFactory.noValidation());

    static {
        HAPI.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
    }

    @AfterAll
    static void close() throws Exception {
        HAPI.close();
    }

    private static String ack(String code, String controlId, String extra) {
        return "MSH|^~\\&|GAM|CHU|VIGIE|CHU|20260304101530||ACK^A28^ACK|ACK1|P|2.5\rMSA|" + code + "|" + controlId + extra;
    }

    /**
     * A one-shot GAM: reads one framed message, hands it to {@code answer}, writes the bytes it returns (none for
     * null), then waits for the client to close.
     */
    private static String exchangeWith(Function<String, byte[]> answer, Duration timeout) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> gam = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    int b = in.read();
                    if (b != MllpConnection.START) {
                        throw new IllegalStateException("no start block");
                    }
                    while ((b = in.read()) != MllpConnection.END) {
                        got.write(b);
                    }
                    if (in.read() != MllpConnection.CR) {
                        throw new IllegalStateException("no CR after the end block");
                    }
                    byte[] reply = answer.apply(got.toString(StandardCharsets.UTF_8));
                    if (reply != null) { // null: this GAM never answers
                        OutputStream out = s.getOutputStream();
                        out.write(reply);
                        out.flush();
                        s.shutdownOutput();
                    }
                    in.read(); // until the client closes
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (MllpConnection c = MllpConnection.open("127.0.0.1", server.getLocalPort(), null)) {
                return c.exchange("MSH|^~\\&|VIGIE||GAM||20260304101530||ADT^A28^ADT_A05|C1|P|2.5\rPID|1", timeout);
            } finally {
                gam.exceptionally(e -> null).join();
            }
        }
    }

    private static byte[] framed(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = MllpConnection.START;
        System.arraycopy(body, 0, out, 1, body.length);
        out[out.length - 2] = MllpConnection.END;
        out[out.length - 1] = MllpConnection.CR;
        return out;
    }

    @Test
    void theMessageGoesFramedAndTheAnswerComesBack() throws Exception {
        String answer = exchangeWith(m -> framed(m.startsWith("MSH|") && m.endsWith("PID|1") ? ack("AA", "C1", "")
                : "garbled"), Duration.ofSeconds(5));
        Ack a = Ack.read(answer, "C1", HAPI.getPipeParser());
        assertTrue(a.accepted());
        assertEquals("", a.text());
    }

    @Test
    void aRefusalKeepsTheGamsWords() throws Exception {
        Ack ae = Ack.read(ack("AE", "C1", "|Patient inconnu\rERR||||E|||Rejet technique|Champ PID-3 invalide"), "C1", HAPI.getPipeParser());
        assertFalse(ae.accepted());
        assertEquals("AE", ae.code());
        assertEquals("Patient inconnu – Champ PID-3 invalide – Rejet technique", ae.text());
        assertEquals("AR", Ack.read(ack("AR", "C1", ""), "C1", HAPI.getPipeParser()).code());
        assertTrue(Ack.read(ack("CA", "C1", ""), "C1", HAPI.getPipeParser()).accepted());
    }

    @Test
    void anAnswerAboutAnotherMessageOrNotAnAckIsUnreadable() {
        assertThrows(Ack.UnreadableAck.class, () -> Ack.read(ack("AA", "OTHER", ""), "C1", HAPI.getPipeParser()));
        assertThrows(Ack.UnreadableAck.class, () -> Ack.read(ack("ZZ", "C1", ""), "C1", HAPI.getPipeParser()));
        assertThrows(Ack.UnreadableAck.class, () -> Ack.read("not hl7 at all", "C1", HAPI.getPipeParser()));
        assertThrows(Ack.UnreadableAck.class, () -> Ack.read(
                "MSH|^~\\&|GAM|CHU|VIGIE|CHU|20260304101530||ADT^A28^ADT_A05|X|P|2.5\rPID|1", "C1", HAPI.getPipeParser()));
    }

    @Test
    void aGamThatDoesNotAnswerInTimeOrHangsUpFailsTheExchange() {
        assertThrows(SocketTimeoutException.class, () -> exchangeWith(m -> null, Duration.ofMillis(300)));
        assertThrows(EOFException.class, () -> exchangeWith(m -> new byte[0], Duration.ofSeconds(5)));
        assertThrows(IOException.class, () -> exchangeWith(m -> "MSA|AA|C1\r".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5)), "an answer without MLLP framing");
    }

    @Test
    void anAnswerInIso88591IsReadAsSuch() {
        assertEquals("Patient refusé", MllpConnection.text("Patient refusé".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Patient refusé", MllpConnection.text("Patient refusé".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pausesDoubleFromOneSecondUpToTheMaximum() {
        Duration max = Duration.ofSeconds(60);
        assertEquals(Duration.ZERO, GamFeed.backoff(0, max));
        assertEquals(Duration.ofSeconds(1), GamFeed.backoff(1, max));
        assertEquals(Duration.ofSeconds(2), GamFeed.backoff(2, max));
        assertEquals(Duration.ofSeconds(32), GamFeed.backoff(6, max));
        assertEquals(max, GamFeed.backoff(7, max));
        assertEquals(max, GamFeed.backoff(500, max));
        assertEquals(Duration.ofSeconds(2), GamFeed.backoff(9, Duration.ofSeconds(2)));
    }
}
