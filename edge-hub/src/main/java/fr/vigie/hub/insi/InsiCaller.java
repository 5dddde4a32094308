package fr.vigie.hub.insi;

/**
 * Who asks INSi, and for which local record: both go to the audit log with every call.
 *
 * @param operatorId the signed-in agent (e.g. the idNat_PS or a local operator id)
 * @param recordId the hub's identity record the search is for
 */
public record InsiCaller(String operatorId, String recordId) {
    public InsiCaller {
        if (operatorId == null || operatorId.isBlank()) {
            throw new IllegalArgumentException("an INSi call needs the operator who asks");
        }
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("an INSi call needs the local record it is for");
        }
    }
}
