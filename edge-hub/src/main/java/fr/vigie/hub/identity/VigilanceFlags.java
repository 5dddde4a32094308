package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.StrictTraits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duplicate and collision detection, run in the transaction that saves a record:
 * <ul>
 * <li>another record with the <b>same matricule</b>: if the two are near-identical by
 *     {@link TraitsMatch}, one person has two records → DOUB; otherwise the traits differ, so two
 *     people may share one INS → COLP (possible collision). Telling a true collision (COLV) from a
 *     typing error needs a person, so detection never raises COLV.</li>
 * <li>another record with <b>near-identical traits</b> ({@link TraitsMatch}) → DOUB.</li>
 * </ul>
 * Concurrent saves of possibly matching records are serialised by transaction-scoped advisory locks
 * on the birth date and sex, and on the matricule, so two simultaneous creations still see each other.
 */
final class VigilanceFlags {
    private static final Logger LOG = LoggerFactory.getLogger(VigilanceFlags.class);

    private VigilanceFlags() {
    }

    static void lockTraits(Connection c, StrictTraits t) throws SQLException {
        lock(c, "traits:" + t.dateNaissance() + ":" + t.sexe().traitCode());
    }

    static void lockMatricule(Connection c, InsMatricule m) throws SQLException {
        lock(c, "ins:" + m.value());
    }

    private static void lock(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, key);
            ps.execute();
        }
    }

    /** Raises the flags {@code r} calls for against other records; the new ones. */
    static List<VigilanceFlag> detect(Connection c, IdentityRecord r, LocalDate today, Instant now)
            throws SQLException {
        List<VigilanceFlag> raised = new ArrayList<>();
        if (r.matricule().isPresent()) {
            for (IdentityRecord other : IdentityRows.sameMatricule(c, r.matricule().get(), r.id(), today)) {
                Optional<String> near = TraitsMatch.nearIdentical(r.traits(), other.traits());
                if (near.isPresent()) {
                    raise(c, r, other, VigilanceFlag.Kind.DOUB, VigilanceFlag.Reason.SAME_INS_NEAR_IDENTICAL_TRAITS,
                            "same INS; " + near.get(), now, raised);
                } else {
                    raise(c, r, other, VigilanceFlag.Kind.COLP, VigilanceFlag.Reason.SAME_INS_DIFFERENT_TRAITS,
                            "same INS on two records whose traits differ: possible collision", now, raised);
                }
            }
        }
        for (IdentityRecord other : IdentityRows.candidates(c, r.traits(), r.id(), today)) {
            Optional<String> near = TraitsMatch.nearIdentical(r.traits(), other.traits());
            if (near.isPresent()) {
                raise(c, r, other, VigilanceFlag.Kind.DOUB, VigilanceFlag.Reason.NEAR_IDENTICAL_TRAITS, near.get(), now,
                        raised);
            }
        }
        return raised;
    }

    private static void raise(Connection c, IdentityRecord r, IdentityRecord other, VigilanceFlag.Kind kind,
            VigilanceFlag.Reason code, String reason, Instant now, List<VigilanceFlag> raised) throws SQLException {
        Optional<VigilanceFlag> flag = FlagRows.raise(c, r.id(), other.id(), kind, code, reason, now);
        flag.ifPresent(f -> {
            LOG.info("vigilance flag {} {} on identity records {} and {}", f.flagId(), kind, f.recordA(), f.recordB());
            raised.add(f);
        });
    }
}
