package fr.vigie.system.bench;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A GAM standing in for the hospital's in the benchmark and the CLI's test: HAPI's own MLLP server
 * ({@link HL7Service}) on a local port, which parses each message and answers AA, or AE (with a text) for the
 * records {@code refuse} names. It notes when it acknowledged each message ({@link System#nanoTime()}, by the record in
 * PID-3), so that a benchmark in the same process can measure up to the acknowledgement. Thread-safe.
 */
public final class HapiMllpReceiver implements AutoCloseable {
    private final HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());
    private final int port;
    private final Predicate<String> refuse;
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong firstAt = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();
    private HL7Service server;

    private HapiMllpReceiver(int port, Predicate<String> refuse) {
        this.port = port;
        this.refuse = Objects.requireNonNull(refuse, "refuse");
        hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
        // control ids of the ACKs from memory: HAPI's default keeps a counter in ./id_file
        hapi.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    }

    /**
     * Starts a receiver on a free local port.
     *
     * @param refuse which records (their id in PID-3, type PI) get AE instead of AA
     */
    public static HapiMllpReceiver start(Predicate<String> refuse) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        HapiMllpReceiver r = new HapiMllpReceiver(port, refuse);
        r.listen();
        return r;
    }

    private void listen() throws InterruptedException {
        server = hapi.newServer(port, false);
        server.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                String record = new Terser(message).get("/.PID-3-1");
                received.incrementAndGet();
                Message ack;
                try {
                    if (refuse.test(record)) {
                        String why = "Patient " + record + " refuse par le GAM de test"; // ASCII: HAPI's MLLP writes ASCII by default
                        ack = message.generateACK(AcknowledgmentCode.AE, new HL7Exception(why));
                        new Terser(ack).set("/ERR-8", why); // the user message, which HAPI leaves empty
                    } else {
                        ack = message.generateACK();
                    }
                } catch (IOException e) {
                    throw new HL7Exception(e);
                }
                long now = System.nanoTime();
                firstAt.compareAndSet(0, now);
                lastAt.set(now);
                if (record != null) {
                    acknowledgedAt.putIfAbsent(record, now);
                }
                return ack;
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.startAndWait();
    }

    /** Its port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** How many messages it answered. */
    public long received() {
        return received.get();
    }

    /** When it first acknowledged a message about {@code recordId} ({@link System#nanoTime()}), or null. */
    public Long acknowledgedAt(long recordId) {
        return acknowledgedAt.get(Long.toString(recordId));
    }

    /** {@link System#nanoTime()} of the first and last acknowledgements; 0 before any. */
    public long firstAt() {
        return firstAt.get();
    }

    /** See {@link #firstAt()}. */
    public long lastAt() {
        return lastAt.get();
    }

    /** Stops listening (the GAM goes down); {@link #resume()} listens again on the same port. */
    public void pause() {
        server.stopAndWait();
    }

    /** Listens again on the same port, with counters reset. */
    public void resume() throws InterruptedException {
        received.set(0);
        firstAt.set(0);
        lastAt.set(0);
        listen();
    }

    @Override
    public void close() throws IOException {
        if (server != null && server.isRunning()) {
            server.stopAndWait();
        }
        hapi.close();
    }
}
