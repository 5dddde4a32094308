package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.gpio.PresenceChange;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.protocol.EventPayload.SessionTransition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs from the reader, sensor, UI, timer and PSC threads at once never break a session's history. */
class SessionConcurrencyTest {
    /** Sessions that asked PSC, as PscConnector would see them. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Rig rig = new Rig(new PscLink() {
        @Override
        public void cardSignedIn(String sessionId, String idNatPs) {
            asked.add(sessionId);
        }

        @Override
        public void exerciceChosen(String sessionId, int index) {
        }
    });
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

    /** What PSC, through the hub, may answer at any time about a session that asked it (or an e-CPS one). */
    private void randomPscAnswer(ThreadLocalRandom r) {
        if (r.nextInt(8) == 0) {
            session.phoneSignInStarted("810099900028").ifPresent(asked::add);
            return;
        }
        if (asked.isEmpty()) {
            return;
        }
        String id = asked.get(r.nextInt(asked.size()));
        String who = r.nextBoolean() ? Rig.MARTIN.idNatPs() : "810099900028";
        switch (r.nextInt(6)) {
            case 0 -> session.phoneBinding(id, "42");
            case 1 -> session.pscBound(id, new CibaState.Bound(new CibaState.Professional(who, "CLAIRE", "MARTIN"),
                    List.of(), Optional.empty(), rig.timers.instant().plusSeconds(120)));
            case 2 -> session.pscRefused(id, r.nextBoolean() ? "PSC_SUBJECT_MISMATCH" : "PSC_ACCESS_DENIED");
            case 3 -> session.pscUnavailable(id);
            case 4 -> session.chooseExercice(0);
            default -> session.dismiss();
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
                    if (r.nextInt(4) == 0) {
                        randomPscAnswer(r);
                    } else {
                        randomInput(r);
                    }
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
        assertTrue(rig.events.stream().anyMatch(e -> e.reason().startsWith("PSC_") || e.reason().startsWith("ECPS_")),
                "PSC answers reached sessions");
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
