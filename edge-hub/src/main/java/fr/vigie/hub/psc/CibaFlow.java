package fr.vigie.hub.psc;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.ciba.AuthRequestID;
import com.nimbusds.oauth2.sdk.ciba.CIBAGrant;
import com.nimbusds.oauth2.sdk.ciba.CIBARequestAcknowledgement;
import com.nimbusds.oauth2.sdk.ciba.CIBAResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import fr.vigie.protocol.identity.IdNatPs;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Client-Initiated Backchannel Authentication in poll mode against PSC: {@link #start} posts to
 * {@code ext/ciba/auth} with a two-digit binding message drawn from the injected random source,
 * {@link #poll} asks the token endpoint once. {@link CibaPoller} schedules the polls. Thread-safe.
 *
 * <pre>{@code
 * CibaRequest req = flow.start(IdNatPs.parse("810099900010"), CibaChannel.CARD);
 * kiosk.show(req.bindingMessage());
 * CibaPoll answer = flow.poll(req);   // Pending, SlowDown, Denied, Expired or Tokens
 * }</pre>
 */
public final class CibaFlow {
    /** The CIBA grant type. */
    public static final String GRANT_TYPE = GrantType.CIBA.getValue();
    /** The least time between polls when PSC gives no {@code interval} (CIBA Core §7.3). */
    private static final int DEFAULT_INTERVAL = 5;
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final PscHttp http;
    private final PscProvider provider;
    private final IdTokenValidator validator;
    private final SecureRandom random;
    private final Clock clock;

    public CibaFlow(PscGatewayConfig config, PscProvider provider, IdTokenValidator validator, SecureRandom random,
            Clock clock) {
        this.http = new PscHttp(config);
        this.provider = provider;
        this.validator = validator;
        this.random = random;
        this.clock = clock;
    }

    /** Asks PSC to have {@code professional} approve a sign-in on {@code channel}. */
    public CibaRequest start(IdNatPs professional, CibaChannel channel) throws PscException {
        String binding = String.format("%02d", random.nextInt(100));
        com.nimbusds.oauth2.sdk.ciba.CIBARequest request = new com.nimbusds.oauth2.sdk.ciba.CIBARequest.Builder(
                http.clientAuthentication(), Scope.parse(http.config().scope()))
                .endpointURI(provider.cibaEndpoint())
                .acrValues(List.of(new ACR(http.config().acr())))
                .loginHint(professional.value())
                .bindingMessage(binding)
                .customParameter("channel", channel.name())
                .build();
        HTTPResponse reply = http.exchange(request.toHTTPRequest());
        CIBAResponse response;
        try {
            response = CIBAResponse.parse(reply);
        } catch (ParseException e) {
            if (!reply.indicatesSuccess()) {
                throw PscHttp.refused(reply, "CIBA request");
            }
            throw new PscException(PscError.PSC_PROTOCOL_ERROR, "the CIBA answer lacks auth_req_id or expires_in");
        }
        if (!response.indicatesSuccess()) {
            throw PscHttp.refused(response.toErrorResponse().getErrorObject(), reply.getStatusCode(), "CIBA request");
        }
        CIBARequestAcknowledgement ack = response.toRequestAcknowledgement();
        long expiresIn = ack.getExpiresIn();
        if (expiresIn <= 0) {
            throw new PscException(PscError.PSC_PROTOCOL_ERROR, "the CIBA answer lacks auth_req_id or expires_in");
        }
        Duration interval = Duration.ofSeconds(Math.max(0, ack.getMinWaitInterval() == null ? DEFAULT_INTERVAL
                : ack.getMinWaitInterval()));
        return new CibaRequest(ack.getAuthRequestID().getValue(), binding, Duration.ofSeconds(expiresIn), interval,
                professional, channel, clock.instant().plusSeconds(expiresIn));
    }

    /**
     * Polls once. {@code currentInterval} is the interval in force, used to compute the new one on
     * {@code slow_down}.
     */
    public CibaPoll poll(CibaRequest request, Duration currentInterval) throws PscException {
        TokenRequest poll = new TokenRequest.Builder(provider.tokenEndpoint(), http.clientAuthentication(),
                new CIBAGrant(new AuthRequestID(request.authReqId()))).build();
        TokenResponse response = http.tokenResponse(poll);
        if (response.indicatesSuccess()) {
            return new CibaPoll.Tokens(PscTokens.from(response.toSuccessResponse(), validator, Optional.empty()));
        }
        ErrorObject error = response.toErrorResponse().getErrorObject();
        return switch (Objects.requireNonNullElse(error.getCode(), "")) {
            case "authorization_pending" -> new CibaPoll.Pending();
            case "slow_down" -> new CibaPoll.SlowDown(currentInterval.plus(SLOW_DOWN_STEP));
            case "access_denied" -> new CibaPoll.Denied(PscError.PSC_ACCESS_DENIED);
            case "expired_token" -> new CibaPoll.Expired(PscError.PSC_REQUEST_EXPIRED);
            default -> throw PscHttp.refused(error, error.getHTTPStatusCode(), "CIBA poll");
        };
    }

    /** Polls once with the request's own interval. */
    public CibaPoll poll(CibaRequest request) throws PscException {
        return poll(request, request.interval());
    }

    Clock clock() {
        return clock;
    }
}
