package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.PscTokens;
import fr.vigie.hub.psc.PscUserInfo;
import fr.vigie.protocol.identity.IdNatPs;
import java.util.concurrent.CompletableFuture;

/** What {@link KioskCiba} needs of the PSC gateway; {@link PscGateway} in production. */
interface CibaGateway {
    /** Posts a CIBA request for {@code who} on {@code channel}. */
    CibaRequest start(IdNatPs who, CibaChannel channel) throws PscException;

    /** Polls {@code request} until it ends. */
    CompletableFuture<CibaPoll> await(CibaRequest request);

    /** The userinfo of the professional the tokens belong to. */
    PscUserInfo userinfo(PscTokens tokens) throws PscException;
}
