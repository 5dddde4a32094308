package fr.vigie.kiosk.hubapi;

import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.device.RootPin;
import java.net.URI;
import java.util.Objects;

/**
 * The kiosk's client of the hub's device API: it calls a route of the contract
 * ({@link fr.vigie.protocol.device.DeviceRoute}, e.g. {@code AgentApi.NONCE}) with the route's request record
 * and returns the route's answer record, both read and written by the contract's one codec; a refusal is a
 * {@link HubApiException} with the hub's code ({@link fr.vigie.protocol.device.DeviceError}) and, for an
 * admission step, the rest of its {@link fr.vigie.protocol.device.Refusal}. Kiosk features call the hub only
 * through it, so no path, body or code is written here a second time.
 *
 * <p>{@link #forDevice} speaks TLS 1.3 with mutual TLS from the kiosk's {@link DeviceIdentity} (the hub then
 * knows which kiosk calls; a kiosk can only act as itself); before enrolment, {@link #forEnrolment} trusts the
 * hub by its pinned site root. Implementations are thread-safe; after a certificate rotation the next call
 * uses the new certificate.
 *
 * <pre>{@code
 * HubApi hub = HubApi.forDevice(URI.create("https://hub.site.local:8443"), identity);
 * NonceAnswer nonce = hub.call(AgentApi.NONCE, new NonceRequest(sessionId));
 * CibaStatusAnswer status = hub.get(CibaApi.STATUS, requestId);
 * }</pre>
 */
public interface HubApi {

    /**
     * Calls {@code route} with {@code request} and the values of its path parameters, in order.
     *
     * @param request the route's body; null for a route that takes none
     * @return the route's answer: its record, a PEM document ({@link String}), or null for a route without
     *     answer body
     * @throws HubApiException the hub refused (its status and code), could not be reached, or answered
     *     something the contract does not describe (status 0)
     * @throws IllegalArgumentException a path parameter is not one plain path segment, or a body is missing
     */
    <Q, A> A call(DeviceRoute<Q, A> route, Q request, String... parameters) throws HubApiException;

    /** Calls {@code route}, which takes no body. */
    default <A> A get(DeviceRoute<Void, A> route, String... parameters) throws HubApiException {
        return call(route, null, parameters);
    }

    /**
     * Downloads the file at {@code path} of the device API (a path the contract names as a file tree, such as
     * {@link fr.vigie.protocol.device.SoftwareApi#REPOSITORY}) into {@code target}, streamed and replaced atomically.
     *
     * @return the bytes received
     * @throws HubApiException as {@link #call}; 404 {@code NOT_FOUND} for a file the hub does not have
     */
    default long download(String path, java.nio.file.Path target) throws HubApiException {
        throw new UnsupportedOperationException("this hub client does not download files");
    }

    /** The device API's base URI. */
    URI base();

    /** A client presenting {@code identity}'s certificate and trusting only its site root. */
    static HubApi forDevice(URI base, DeviceIdentity identity) {
        return new HttpsHubApi(base, Objects.requireNonNull(identity, "identity"), null);
    }

    /**
     * A client without a certificate, for the enrolment routes before the kiosk has one.
     *
     * @param pinnedRootFingerprint the site root's SHA-256, or null to trust the first root seen
     */
    static HubApi forEnrolment(URI base, String pinnedRootFingerprint) {
        return new HttpsHubApi(base, null, RootPin.enrolmentContext(pinnedRootFingerprint));
    }
}
