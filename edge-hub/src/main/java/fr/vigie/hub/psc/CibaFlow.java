package fr.vigie.hub.psc;

import fr.vigie.protocol.identity.IdNatPs;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    public static final String GRANT_TYPE = "urn:openid:params:grant-type:ciba";
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
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scope", http.config().scope());
        form.put("acr_values", http.config().acr());
        form.put("login_hint", professional.value());
        form.put("binding_message", binding);
        form.put("channel", channel.name());
        PscHttp.Reply reply = http.postForm(provider.cibaEndpoint(), form);
        if (!reply.ok()) {
            throw PscHttp.oauthError(reply, "CIBA request");
        }
        var json = reply.json();
        String id = json.path("auth_req_id").asText("");
        long expiresIn = json.path("expires_in").asLong(0);
        if (id.isEmpty() || expiresIn <= 0) {
            throw new PscException(PscError.PSC_PROTOCOL_ERROR, "the CIBA answer lacks auth_req_id or expires_in");
        }
        Duration interval = Duration.ofSeconds(Math.max(0, json.path("interval").asLong(5)));
        return new CibaRequest(id, binding, Duration.ofSeconds(expiresIn), interval, professional, channel,
                clock.instant().plusSeconds(expiresIn));
    }

    /**
     * Polls once. {@code currentInterval} is the interval in force, used to compute the new one on
     * {@code slow_down}.
     */
    public CibaPoll poll(CibaRequest request, Duration currentInterval) throws PscException {
        PscHttp.Reply reply = http.postForm(provider.tokenEndpoint(),
                Map.of("grant_type", GRANT_TYPE, "auth_req_id", request.authReqId()));
        if (reply.ok()) {
            return new CibaPoll.Tokens(PscTokens.from(reply, validator, Optional.empty()));
        }
        String error = reply.json().path("error").asText("");
        return switch (error) {
            case "authorization_pending" -> new CibaPoll.Pending();
            case "slow_down" -> new CibaPoll.SlowDown(currentInterval.plus(SLOW_DOWN_STEP));
            case "access_denied" -> new CibaPoll.Denied(PscError.PSC_ACCESS_DENIED);
            case "expired_token" -> new CibaPoll.Expired(PscError.PSC_REQUEST_EXPIRED);
            default -> throw PscHttp.oauthError(reply, "CIBA poll");
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
