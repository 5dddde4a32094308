package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.gpio.PresenceChange;
import fr.vigie.protocol.EventPayload.SessionTransition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs from the reader, sensor, UI and timer threads at once never break a session's history. */
class SessionConcurrencyTest {
    private final Rig rig = new Rig();
    private final ClinicianSession session = rig.session;

    private void randomInput(ThreadLocalRandom r) {
        CpsCredential who = r.nextBoolean() ? Rig.MARTIN : Rig.DUBOIS;
        switch (r.nextInt(9)) {
            case 0 -> session.cardInserted(Rig.contact(who, new ScriptedCard("1234")));
            case 1 -> session.submitPin((r.nextInt(3) == 0 ? "0000" : "1234").toCharArray());
            case 2 -> session.cardRemoved();
            case 3 -> session.tap(Rig.contactless(who, new ScriptedCard("1234")));
            case 4 -> session.presence(new PresenceChange(r.nextBoolean(), rig.timers.instant()));
            case 5 -> session.activity();
            case 6 -> session.logout();
            case 7 -> rig.advance(Duration.ofSeconds(r.nextInt(1, 120)));
            default -> session.idleTick();
        }
    }

    @Test
    @Timeout(60)
    void concurrentInputsKeepEverySessionHistoryChainedAndEndedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            done.add(pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < 3_000; i++) {
                    randomInput(r);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        Map<String, List<SessionTransition>> bySession = new LinkedHashMap<>();
        rig.events.forEach(e -> bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e));
        assertTrue(bySession.size() > 10, "the run opened sessions: " + bySession.size());
        int open = 0;
        for (List<SessionTransition> history : bySession.values()) {
            assertEquals("IDLE", history.get(0).from());
            for (int i = 1; i < history.size(); i++) {
                assertEquals(history.get(i - 1).to(), history.get(i).from(), "chained: " + history);
                assertTrue(!history.get(i - 1).to().equals("CLOSED"), "nothing after CLOSED: " + history);
            }
            if (!history.get(history.size() - 1).to().equals("CLOSED")) {
                open++;
            }
        }
        assertTrue(open <= 2, "at most the foreground and one parked session are not closed: " + open);
    }
}
