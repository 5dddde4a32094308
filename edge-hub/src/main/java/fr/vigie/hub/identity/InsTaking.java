package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivAction;
import fr.vigie.hub.identity.rniv.RnivAction.Kind;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.hub.identity.rniv.RnivTransitions;
import fr.vigie.protocol.identity.StrictTraits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record taking an identity that INSi or the ApCV returned, once it was decided that it may (the
 * same person; and for a VALI or QUAL record, an admin's decision or nothing to change), inside the
 * caller's transaction holding the record: the returned strict traits replace the record's
 * ({@code STRICT_TRAIT_CHANGED} when they differ), an INS held that differs from the one returned goes
 * to the history as {@code INVALIDATED} (never dropped silently; {@code INS_INVALIDATED} when the status
 * had the I axis), then {@code INSI_RETRIEVED} ({@code INSI_VERIFIED} when the I axis is still set) or
 * {@code APCV_QUALIFIED}; the INS and its history are recorded and flags detected. Stateless.
 */
final class InsTaking {
    private static final Logger LOG = LoggerFactory.getLogger(InsTaking.class);

    private InsTaking() {
    }

    static Saved take(Connection c, IdentityRecord old, StrictTraits traits, Kind kind, InsMatricule returned, InsOid oid,
            List<RnivRequest.PastIns> history, String by, Instant now, LocalDate today)
            throws SQLException, RegistryRejection {
        RnivState state = old.state();
        Optional<HighTrustDocument> document = old.document();
        if (strictChanged(old.traits(), traits)) {
            state = transition(state, RnivAction.of(Kind.STRICT_TRAIT_CHANGED));
            document = Optional.empty();
        }
        if (old.matricule().isPresent() && !old.matricule().get().equals(returned)) {
            if (state.status().insi()) {
                state = transition(state, RnivAction.of(Kind.INS_INVALIDATED));
            }
            IdentityRows.history(c, old.id(), old.matricule().get(), old.oid().orElseThrow(), null, today, "INVALIDATED",
                    by, now);
        }
        RnivAction action = RnivAction.of(kind == Kind.INSI_RETRIEVED && state.status().insi() ? Kind.INSI_VERIFIED : kind);
        state = transition(state, action);
        if (!state.status().document()) {
            document = Optional.empty();
        }
        VigilanceFlags.lockMatricule(c, returned);
        IdentityRows.history(c, old.id(), returned, oid, null, null, kind == Kind.APCV_QUALIFIED ? "APCV" : "INSI", by, now);
        for (RnivRequest.PastIns past : history) {
            IdentityRows.history(c, old.id(), past.matricule(), past.oid(), past.validFrom(), past.validTo(), "INSHISTO",
                    by, now);
        }
        IdentityRecord next = new IdentityRecord(old.id(), traits, Optional.of(returned), Optional.of(oid), state, document,
                old.createdBy(), old.createdAt(), by, now);
        IdentityRows.update(c, next);
        LOG.info("identity record {} {} by {}: {} -> {}", old.id(), action, by, old.state().status(), state.status());
        return new Saved(next, VigilanceFlags.detect(c, next, today, now));
    }

    static RnivState transition(RnivState state, RnivAction action) throws RegistryRejection {
        try {
            return RnivTransitions.apply(state, action);
        } catch (RnivException e) {
            throw new RegistryRejection(RegistryRejection.Kind.CONFLICT, e.error().name(), e.getMessage());
        }
    }

    static boolean strictChanged(StrictTraits a, StrictTraits b) {
        return !a.nomNaissance().equals(b.nomNaissance()) || !a.listePrenom().equals(b.listePrenom())
                || a.sexe() != b.sexe() || !a.dateNaissance().equals(b.dateNaissance())
                || !a.lieuNaissance().equals(b.lieuNaissance());
    }
}
