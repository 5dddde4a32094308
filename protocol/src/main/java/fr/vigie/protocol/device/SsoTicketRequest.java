package fr.vigie.protocol.device;

/** The body of {@link SsoApi#TICKET}: the kiosk session whose clinician opens an application. Immutable. */
public record SsoTicketRequest(String kioskSessionId) {
    public SsoTicketRequest {
        Fields.kioskSessionId(kioskSessionId);
    }
}
