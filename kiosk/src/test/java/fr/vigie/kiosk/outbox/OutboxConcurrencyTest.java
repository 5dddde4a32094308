package fr.vigie.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 500;

    @TempDir
    Path dir;

    @Test
    void concurrentAcceptorsAndAPublisherLoseNothingAndNeverReuseASeq() throws Exception {
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), KioskAddress.of("s", "k"), 1_000_000,
                SyncLevel.NORMAL, Clock.systemUTC())) {
            Set<Long> acceptedSeqs = ConcurrentHashMap.newKeySet();
            List<Long> published = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < PER_WRITER; i++) {
                            assertTrue(acceptedSeqs.add(outbox.accept(new EventPayload.DemoActivity("pin-ok", i)).seq()));
                        }
                        return null;
                    }));
                }
                Future<?> publisher = pool.submit(() -> {
                    long cursor = 0;
                    while (writing.get() || outbox.depth() > 0) {
                        List<Pending> batch = outbox.pending(cursor, 64);
                        for (Pending p : batch) {
                            assertTrue(p.seq() > cursor, "pending must come in seq order");
                            cursor = p.seq();
                            published.add(p.seq());
                        }
                        outbox.remove(OutboxTest.seqs(batch));
                    }
                    return null;
                });
                for (Future<?> f : writers) {
                    f.get(60, TimeUnit.SECONDS);
                }
                writing.set(false);
                publisher.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            long total = (long) WRITERS * PER_WRITER;
            assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), new ArrayList<>(new TreeSet<>(acceptedSeqs)));
            assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), published);
            assertEquals(0, outbox.depth());
            assertEquals(total, outbox.lastAcceptedSeq());
        }
    }
}
