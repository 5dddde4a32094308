package fr.vigie.hub.db;

import fr.vigie.protocol.EventId;
import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The in-memory part of writing a batch, kept apart from SQL so that it can be tested alone:
 * dropping repeated event ids, tallying the newly stored events per kiosk, and keeping each kiosk's
 * last status. Stateless.
 */
final class BatchPlan {
    private static final Comparator<KioskAddress> BY_KIOSK =
            Comparator.comparing(KioskAddress::site).thenComparing(KioskAddress::kioskId);

    private BatchPlan() {
    }

    /** The events whose id appears for the first time in the batch, in arrival order. */
    static List<WriteBatch.NewEvent> firstOccurrences(List<WriteBatch.NewEvent> events) {
        Set<EventId> seen = new HashSet<>();
        List<WriteBatch.NewEvent> out = new ArrayList<>(events.size());
        for (WriteBatch.NewEvent e : events) {
            if (seen.add(e.event().eventId())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Per kiosk, how many of the {@code candidates} were actually inserted and which of them occurred
     * last (on equal times, the later arrival). Sorted by site then kiosk id, so that concurrent
     * transactions lock device rows in the same order.
     */
    static List<DeviceTally> tallies(List<WriteBatch.NewEvent> candidates, Set<UUID> inserted) {
        Map<KioskAddress, DeviceTally> byKiosk = new TreeMap<>(BY_KIOSK);
        for (WriteBatch.NewEvent e : candidates) {
            if (!inserted.contains(e.event().eventId().uuid())) {
                continue;
            }
            byKiosk.merge(e.event().kiosk(), new DeviceTally(e.event().kiosk(), 1, e.event().occurredAt(),
                    e.event().type()), DeviceTally::plus);
        }
        return List.copyOf(byKiosk.values());
    }

    /** Each kiosk's last status in arrival order, sorted by site then kiosk id. */
    static List<WriteBatch.StatusUpdate> lastStatusPerKiosk(List<WriteBatch.StatusUpdate> statuses) {
        Map<KioskAddress, WriteBatch.StatusUpdate> last = new LinkedHashMap<>();
        for (WriteBatch.StatusUpdate s : statuses) {
            last.put(s.status().kiosk(), s);
        }
        Map<KioskAddress, WriteBatch.StatusUpdate> sorted = new TreeMap<>(BY_KIOSK);
        sorted.putAll(last);
        return List.copyOf(sorted.values());
    }

    /**
     * Newly stored events of one kiosk within a batch.
     *
     * @param kiosk the kiosk
     * @param count how many were inserted
     * @param lastOccurredAt the latest occurrence time among them
     * @param lastType the type of the event that occurred at {@code lastOccurredAt}
     */
    record DeviceTally(KioskAddress kiosk, long count, Instant lastOccurredAt, String lastType) {
        DeviceTally plus(DeviceTally later) {
            boolean laterWins = !later.lastOccurredAt.isBefore(lastOccurredAt);
            return new DeviceTally(kiosk, count + later.count, laterWins ? later.lastOccurredAt : lastOccurredAt,
                    laterWins ? later.lastType : lastType);
        }
    }
}
