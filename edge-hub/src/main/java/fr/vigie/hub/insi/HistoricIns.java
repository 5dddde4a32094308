package fr.vigie.hub.insi;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An older INS of a person ({@code INSHISTO}), with the period it was in use when INSi gives one.
 * Immutable; {@link #toString()} shows the masked matricule.
 *
 * @param matricule the former matricule
 * @param oid its OID
 * @param from {@code DateDeb}, or {@code null}
 * @param to {@code DateFin}, or {@code null}
 */
public record HistoricIns(InsMatricule matricule, InsOid oid, LocalDate from, LocalDate to) {
    public HistoricIns {
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(oid, "oid");
    }

    public Optional<LocalDate> validFrom() {
        return Optional.ofNullable(from);
    }

    public Optional<LocalDate> validTo() {
        return Optional.ofNullable(to);
    }
}
