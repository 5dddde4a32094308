package fr.vigie.hub.gam;

import ca.uhn.hl7v2.HL7Exception;
import fr.vigie.hub.identity.IdentityChanges;
import fr.vigie.hub.identity.IdentityRecord;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the registry's changes into IHE PAM messages in the {@link GamOutbox}, inside the registry's own
 * transaction (so a change and its message commit together, or neither does):
 * <ul>
 * <li>a record created → ADT^A28 (for a record made from an INSi or ApCV answer, it already carries what the answer
 *     gave);</li>
 * <li>a QUAL record whose INS changed while it stays QUAL (INSi gave a new active INS, accepted by the cell) →
 *     ADT^A47, the former INS in MRG-1; then ADT^A31 if anything else the GAM sees changed too;</li>
 * <li>any other change of what the GAM sees ({@link PamPatient}: traits, status, attributes, the INS appearing once
 *     QUAL or disappearing when the record leaves QUAL) → ADT^A31; a change the GAM does not see sends nothing;</li>
 * <li>a duplicate merged by the identity-vigilance cell → ADT^A40.</li>
 * </ul>
 * Thread-safe.
 */
public final class GamChanges implements IdentityChanges {
    private static final char[] CONTROL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final PamMessages messages;
    private final GamOutbox outbox;
    private final Clock clock;
    private final SecureRandom random;

    GamChanges(PamMessages messages, GamOutbox outbox, Clock clock, SecureRandom random) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void saved(Connection c, Optional<IdentityRecord> before, IdentityRecord after) throws SQLException {
        PamPatient now = PamPatient.of(after);
        Optional<PamPatient> was = before.map(PamPatient::of);
        Instant at = clock.instant();
        for (PamEvent event : events(was, now)) {
            queue(c, event, now.recordId(), null, id -> event == PamEvent.A47
                    ? messages.insChange(now, was.orElseThrow().ins().orElseThrow(), id, at)
                    : messages.patient(event, now, id, at), at);
        }
    }

    /** The messages a change from {@code was} (empty: the record is new) to {@code now} calls for, in order. */
    static List<PamEvent> events(Optional<PamPatient> was, PamPatient now) {
        if (was.isEmpty()) {
            return List.of(PamEvent.A28);
        }
        PamPatient before = was.get();
        if (before.ins().isPresent() && now.ins().isPresent() && !before.ins().equals(now.ins())) {
            boolean more = !new PamPatient(before.recordId(), before.traits(), before.state(), now.ins()).equals(now);
            return more ? List.of(PamEvent.A47, PamEvent.A31) : List.of(PamEvent.A47);
        }
        return before.equals(now) ? List.of() : List.of(PamEvent.A31);
    }

    @Override
    public void merged(Connection c, IdentityRecord survivor, IdentityRecord absorbed) throws SQLException {
        PamPatient kept = PamPatient.of(survivor);
        PamPatient gone = PamPatient.of(absorbed);
        Instant at = clock.instant();
        queue(c, PamEvent.A40, kept.recordId(), gone.recordId(), id -> messages.merge(kept, gone, id, at), at);
    }

    private interface Builder {
        String build(String controlId) throws HL7Exception;
    }

    private void queue(Connection c, PamEvent event, long recordId, Long otherRecordId, Builder builder, Instant at)
            throws SQLException {
        String controlId = controlId();
        String text;
        try {
            text = builder.build(controlId);
        } catch (HL7Exception e) {
            // the data were checked when the record was saved and the settings at start: this is a bug, and the
            // change must not commit without its message
            throw new IllegalStateException("the " + event + " message of record " + recordId + " cannot be built: "
                    + e.getMessage(), e);
        }
        outbox.enqueue(c, event, recordId, otherRecordId, controlId, text, at);
    }

    /** MSH-10: 20 random characters (100 bits), the same on every attempt to send the message. */
    private String controlId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = CONTROL_ALPHABET[random.nextInt(CONTROL_ALPHABET.length)];
        }
        return new String(id);
    }
}
