package fr.vigie.kiosk.link;

import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.kiosk.outbox.OutboxError;
import fr.vigie.kiosk.outbox.OutboxException;
import fr.vigie.kiosk.outbox.Pending;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that sends the outbox's events: reads pending rows in batches, publishes them in
 * sequence order at QoS 1 while the session's window has room, and deletes acknowledged events in
 * batches (every {@value #DELETE_BATCH} acknowledgements, or {@value #DELETE_DELAY_MS} ms after the
 * first one still to delete). When the session changes it starts again from the oldest
 * event still in the outbox, so everything not acknowledged is sent again, in order.
 *
 * <p>Thread-safe in the sense that {@link #wake()} and the Paho callbacks may come from any thread;
 * all reading, publishing and deleting happens on the publisher's own thread.
 */
final class Publisher implements Runnable {
    static final int READ_BATCH = 512;
    static final int DELETE_BATCH = 256;
    static final long DELETE_DELAY_MS = 20;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    /** What the link must do when a session can no longer be trusted to deliver in order. */
    interface Trouble {
        void sessionFailed(Session session, String reason);
    }

    private record Sent(Session session, long seq) {
    }

    private final Outbox outbox;
    private final String topic;
    private final MqttAsyncClient client;
    private final Supplier<Session> sessions;
    private final Trouble trouble;
    private final Runnable onDrained;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ackedCount = new AtomicInteger();
    private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
    private final MqttActionListener listener = new AckListener();
    private volatile long firstUnflushedAckNanos;
    private volatile long stopDeadlineNanos;
    private volatile boolean stopping;
    private Session current;
    private long readCursor;

    Publisher(Outbox outbox, String topic, MqttAsyncClient client, Supplier<Session> sessions, Trouble trouble,
            Runnable onDrained, String threadName) {
        this.outbox = outbox;
        this.topic = topic;
        this.client = client;
        this.sessions = sessions;
        this.trouble = trouble;
        this.onDrained = onDrained;
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Something changed (event accepted, acknowledgement, new session): look again. Cheap. */
    void wake() {
        LockSupport.unpark(thread);
    }

    /**
     * Stops sending, waits up to {@code waitMillis} for the events in flight to be acknowledged,
     * deletes what was acknowledged, and ends the thread.
     */
    void stop(long waitMillis) throws InterruptedException {
        stopDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        stopping = true;
        wake();
        thread.join(waitMillis + 5_000);
    }

    @Override
    public void run() {
        while (true) {
            try {
                Session session = sessions.get();
                if (session != current) {
                    flushAcks();
                    buffer.clear();
                    readCursor = 0;
                    current = session;
                }
                if (stopping) {
                    if (session == null || session.inFlight() == 0 || System.nanoTime() > stopDeadlineNanos) {
                        flushAcks();
                        return;
                    }
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(5));
                    continue;
                }
                int sent = session != null && session.alive() ? sendSome(session) : 0;
                if (!flushAcksIfDue() && sent == 0) {
                    LockSupport.parkNanos(this, ackedCount.get() > 0
                            ? TimeUnit.MILLISECONDS.toNanos(DELETE_DELAY_MS) : IDLE_PARK_NANOS);
                }
            } catch (OutboxException e) {
                if (e.error() == OutboxError.OUTBOX_CLOSED) {
                    return;
                }
                log.error("publisher of {} cannot use its outbox, retrying in 1 s: {}", topic, e.toString());
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            } catch (RuntimeException e) {
                log.error("publisher of {} failed, retrying in 1 s", topic, e);
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    private int sendSome(Session session) {
        int room = session.window() - session.inFlight();
        if (room <= 0) {
            return 0;
        }
        if (buffer.isEmpty()) {
            List<Pending> batch = outbox.pending(readCursor, READ_BATCH);
            if (batch.isEmpty()) {
                return 0;
            }
            buffer.addAll(batch);
            readCursor = batch.get(batch.size() - 1).seq();
        }
        int sent = 0;
        while (sent < room && !buffer.isEmpty() && session.alive()) {
            Pending event = buffer.peek();
            session.sent();
            try {
                client.publish(topic, event.json(), 1, false, new Sent(session, event.seq()), listener);
            } catch (MqttException e) {
                session.settled();
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    break; // the broker's window is full after all; retry this event when an ack frees it
                }
                trouble.sessionFailed(session, "cannot publish event seq " + event.seq() + ": " + e);
                break;
            }
            buffer.poll();
            sent++;
        }
        return sent;
    }

    private boolean flushAcksIfDue() {
        int count = ackedCount.get();
        if (count >= DELETE_BATCH || (count > 0 && (current == null
                || System.nanoTime() - firstUnflushedAckNanos >= TimeUnit.MILLISECONDS.toNanos(DELETE_DELAY_MS)))) {
            flushAcks();
            return true;
        }
        return false;
    }

    private void flushAcks() {
        if (ackedCount.get() == 0) {
            return;
        }
        List<Long> seqs = new ArrayList<>(ackedCount.get() + 16);
        for (Long seq; (seq = acked.poll()) != null; ) {
            seqs.add(seq);
        }
        ackedCount.addAndGet(-seqs.size());
        if (outbox.remove(seqs) > 0 && outbox.depth() == 0) {
            onDrained.run();
        }
    }

    /** Runs on Paho's callback thread: record the outcome, keep it short. */
    private final class AckListener implements MqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            Sent sent = (Sent) token.getUserContext();
            sent.session().settled();
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? 0 : codes[0];
            if (code >= 0x80) {
                // refused (not authorised, quota exceeded…): keep it, and resend from the oldest later
                trouble.sessionFailed(sent.session(), "the broker refused event seq " + sent.seq()
                        + " with reason code 0x" + Integer.toHexString(code));
            } else {
                if (ackedCount.getAndIncrement() == 0) {
                    firstUnflushedAckNanos = System.nanoTime();
                }
                acked.add(sent.seq());
            }
            wake();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            Sent sent = (Sent) token.getUserContext();
            sent.session().settled();
            trouble.sessionFailed(sent.session(), "event seq " + sent.seq() + " was not delivered: " + failure);
            wake();
        }
    }
}
