package fr.vigie.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.vigie.hardware.sim.card.VirtualReaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReaderMonitorTest {
    private final VirtualReaders readers = new VirtualReaders("Desk");
    private final List<ReaderEvent> events = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final ReaderMonitor monitor = new ReaderMonitor(readers, events::add, clock, Duration.ofMillis(50));

    @AfterEach
    void close() {
        monitor.close();
    }

    private List<String> seen() {
        return events.stream().map(e -> e.type() + " " + e.reader()).toList();
    }

    @Test
    void readersPluggedAndUnpluggedWhileRunningAreReportedWithTheirCards() {
        monitor.start();
        await().until(() -> seen().contains("READER_ADDED Desk"));

        readers.plug("Tap");
        readers.insert("Tap", TestCards.cps().contactless());
        await().until(() -> seen().contains("CARD_INSERTED Tap"));
        readers.unplug("Tap");

        await().until(() -> seen().contains("READER_REMOVED Tap"));
        assertThat(seen()).containsSubsequence("READER_ADDED Tap", "CARD_INSERTED Tap", "CARD_REMOVED Tap",
                "READER_REMOVED Tap");
        assertThat(monitor.readers()).containsExactly("Desk");
        assertThat(events).allSatisfy(e -> assertThat(e.at()).isEqualTo(clock.instant()));
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheMonitor() {
        ReaderMonitor fragile = new ReaderMonitor(readers, e -> {
            events.add(e);
            throw new IllegalStateException("boom");
        }, clock, Duration.ofMillis(50));
        fragile.start();
        try {
            readers.insert("Desk", TestCards.cps());
            await().until(() -> seen().contains("CARD_INSERTED Desk"));
            readers.remove("Desk");
            await().until(() -> seen().contains("CARD_REMOVED Desk"));
        } finally {
            fragile.close();
        }
    }

    @Test
    void closingStopsEveryThreadTheMonitorStarted() {
        readers.plug("Second");
        monitor.start();
        await().until(() -> monitor.readers().size() == 2);

        monitor.close();

        await().atMost(Duration.ofSeconds(2)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("vigie-reader")));
    }
}
