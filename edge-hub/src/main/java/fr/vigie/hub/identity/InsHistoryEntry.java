package fr.vigie.hub.identity;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One fact of a record's INS history: an INS INSi or the ApCV returned ({@code INSI}, {@code APCV}), an
 * older INS of the person ({@code INSHISTO}, with its period when INSi gave one) or an INS the record
 * stopped holding ({@code INVALIDATED}, {@code validTo} the day). Immutable; {@link #toString()} shows the
 * masked matricule.
 *
 * @param recordedBy who brought it (the agent's idNat_PS, or {@code staff:<login>})
 */
public record InsHistoryEntry(InsMatricule matricule, InsOid oid, LocalDate validFrom, LocalDate validTo, String source,
        String recordedBy, Instant recordedAt) {
    public InsHistoryEntry {
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "InsHistoryEntry[" + source + " " + matricule.masked() + "]";
    }
}
