package fr.vigie.protocol.device;

import java.util.Optional;

/**
 * The body of {@link AdmissionApi#APCV}: a scanned carte Vitale app token, its full text ({@code APCV1.…}).
 * Immutable; {@link #toString()} never shows the token.
 *
 * @param recordId the record the token is for, if any
 */
public record ApcvRequest(Optional<Long> recordId, String token) {
    public ApcvRequest {
        recordId = AdmissionApi.recordId(recordId);
        Fields.present("token", token);
    }

    @Override
    public String toString() {
        return "ApcvRequest[record " + recordId.map(String::valueOf).orElse("new") + "]";
    }
}
