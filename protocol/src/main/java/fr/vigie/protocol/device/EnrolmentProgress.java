package fr.vigie.protocol.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link EnrolmentApi#PROGRESS}: where the request stands, why it was rejected, and once
 * issued what the kiosk installs. Immutable.
 *
 * @param reason why it was rejected: IT's words, or {@value EnrolmentApi#SUPERSEDED} when another key was
 *     approved for the kiosk id
 * @param result the certificate chain and first configuration, once issued
 */
public record EnrolmentProgress(String id, EnrolmentStatus status, Optional<String> reason,
        Optional<EnrolmentResult> result) {
    public EnrolmentProgress {
        Fields.text("id", id, 64);
        Objects.requireNonNull(status, "status is required");
        reason = Fields.optional(reason);
        result = Fields.optional(result);
        if (result.isPresent() && status != EnrolmentStatus.ISSUED) {
            throw new IllegalArgumentException("a result comes with an ISSUED status only, not " + status);
        }
    }

    /** Whether IT's rejection was the closing of this request because another key was approved. */
    public boolean superseded() {
        return status == EnrolmentStatus.REJECTED && reason.filter(EnrolmentApi.SUPERSEDED::equals).isPresent();
    }
}
