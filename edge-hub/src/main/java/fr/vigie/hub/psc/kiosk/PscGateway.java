package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaFlow;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.CibaPoller;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.IdTokenValidator;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.hub.psc.PscTokens;
import fr.vigie.hub.psc.PscUserInfo;
import fr.vigie.hub.psc.UserInfoClient;
import fr.vigie.protocol.identity.IdNatPs;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The hub's PSC gateway for kiosk sign-ins: CIBA start and polling, then userinfo. PSC's discovery
 * document is read on first use and again after a failed attempt, so that the hub starts even when
 * PSC is not reachable yet. Thread-safe.
 *
 * <pre>{@code
 * PscGateway psc = PscGateway.of(PscGatewayConfig.withSecret(issuer, "vigie-site", secret), clock,
 *         new SecureRandom(), scheduler);
 * }</pre>
 */
public final class PscGateway implements CibaGateway {
    private final PscGatewayConfig config;
    private final Clock clock;
    private final SecureRandom random;
    private final ScheduledExecutorService scheduler;
    private Parts parts;

    private record Parts(CibaFlow flow, CibaPoller poller, UserInfoClient userinfo) {
    }

    private PscGateway(PscGatewayConfig config, Clock clock, SecureRandom random, ScheduledExecutorService scheduler) {
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.scheduler = scheduler;
    }

    /** A gateway for {@code config}; polls run on {@code scheduler}. Nothing is fetched yet. */
    public static PscGateway of(PscGatewayConfig config, Clock clock, SecureRandom random,
            ScheduledExecutorService scheduler) {
        return new PscGateway(config, clock, random, scheduler);
    }

    @Override
    public CibaRequest start(IdNatPs who, CibaChannel channel) throws PscException {
        return parts().flow().start(who, channel);
    }

    @Override
    public CompletableFuture<CibaPoll> await(CibaRequest request) {
        try {
            return parts().poller().await(request);
        } catch (PscException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public PscUserInfo userinfo(PscTokens tokens) throws PscException {
        return parts().userinfo().fetch(tokens);
    }

    private synchronized Parts parts() throws PscException {
        if (parts == null) {
            PscProvider provider = PscProvider.discover(config);
            IdTokenValidator validator = IdTokenValidator.forProvider(config, provider, clock);
            CibaFlow flow = new CibaFlow(config, provider, validator, random, clock);
            parts = new Parts(flow, new CibaPoller(flow, scheduler, clock),
                    new UserInfoClient(config, provider, validator, clock));
        }
        return parts;
    }
}
