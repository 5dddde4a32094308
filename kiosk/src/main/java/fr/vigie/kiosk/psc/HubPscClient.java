package fr.vigie.kiosk.psc;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.protocol.device.CibaChannel;
import fr.vigie.protocol.device.CibaError;
import fr.vigie.protocol.device.CibaStartAnswer;
import fr.vigie.protocol.device.CibaStartRequest;
import fr.vigie.protocol.device.CibaStatusAnswer;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.ExerciceChoice;
import fr.vigie.protocol.device.Professional;
import java.util.Objects;

/**
 * {@link PscHub} over the hub's device API ({@link CibaApi}) through the kiosk's {@link HubApi} (mutual
 * TLS). A hub that cannot be reached, or answers 502/503 (PSC unreachable behind it, or no PSC configured),
 * means "not reachable now"; any other refusal is a {@link PscRejectedException} with the hub's
 * {@link CibaError}, and an answer the contract does not describe one with {@code HUB_ANSWER_MALFORMED}.
 * Thread-safe.
 *
 * <pre>{@code
 * PscHub psc = new HubPscClient(HubApi.forDevice(hubUri, identity));
 * }</pre>
 */
public final class HubPscClient implements PscHub {
    private final HubApi hub;

    public HubPscClient(HubApi hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public CibaStart start(String idNatPs, String channel, String sessionId)
            throws HubUnavailableException, PscRejectedException {
        CibaStartRequest request;
        try {
            request = new CibaStartRequest(idNatPs, CibaChannel.valueOf(channel), sessionId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PscRejectedException(CibaError.CIBA_REQUEST_INVALID, e.getMessage());
        }
        CibaStartAnswer a = exchange(() -> hub.call(CibaApi.START, request));
        return new CibaStart(a.requestId(), a.bindingMessage(), a.pollInterval(), a.expiresAt());
    }

    @Override
    public CibaState state(String requestId) throws HubUnavailableException, PscRejectedException {
        CibaStatusAnswer a = exchange(() -> hub.get(CibaApi.STATUS, requestId));
        return switch (a.status()) {
            case PENDING -> new CibaState.Pending();
            case REFUSED -> new CibaState.Refused(a.code().orElseThrow().name());
            case FAILED -> new CibaState.Failed(a.code().orElseThrow().name());
            case BOUND -> {
                Professional who = a.who().orElseThrow();
                yield new CibaState.Bound(new CibaState.Professional(who.idNatPs(), who.givenName(),
                        who.familyName()), a.exercices().orElseThrow().stream().map(e -> new CibaState.Exercice(
                                e.codeProfession(), e.codeSavoirFaire(), e.nomDexercice(), e.prenomDexercice(),
                                e.sites())).toList(), a.chosen(), a.expiresAt().orElseThrow());
            }
        };
    }

    @Override
    public void chooseExercice(String requestId, int index) throws HubUnavailableException, PscRejectedException {
        exchange(() -> hub.call(CibaApi.EXERCICE, new ExerciceChoice(index), requestId));
    }

    private interface Call<A> {
        A run() throws HubApiException;
    }

    private static <A> A exchange(Call<A> call) throws HubUnavailableException, PscRejectedException {
        try {
            return call.run();
        } catch (HubApiException e) {
            boolean noAnswer = e.status() == 0 && e.error() != DeviceApiError.HUB_ANSWER_MALFORMED;
            if (noAnswer || e.status() == 502 || e.status() == 503) {
                throw new HubUnavailableException(e.error() + ": " + e.getMessage(), e);
            }
            throw new PscRejectedException(e.error(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // a request id the hub gave that is not a plain path segment
            throw new PscRejectedException(DeviceApiError.HUB_ANSWER_MALFORMED, e.getMessage());
        }
    }
}
