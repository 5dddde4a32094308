package fr.vigie.kiosk.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** Plausible things a person does at a kiosk, for the demo and load-test {@code DemoActivity} events. */
final class DemoActions {
    static final List<String> ALL = List.of("badge-tap", "card-inserted", "pin-ok", "pin-wrong", "session-opened",
            "session-locked", "session-unlocked", "card-removed", "vitale-read", "ins-qualified", "qr-scanned",
            "presence-lost");

    private DemoActions() {
    }

    /** A random action. */
    static String random(RandomGenerator random) {
        return ALL.get(random.nextInt(ALL.size()));
    }

    /** The action for position {@code index} of a burst: deterministic, cycling through all of them. */
    static String forIndex(long index) {
        return ALL.get((int) (index % ALL.size()));
    }
}
