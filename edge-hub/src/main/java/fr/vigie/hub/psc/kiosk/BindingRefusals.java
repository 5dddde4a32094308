package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.psc.PscError;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the hub records that PSC tokens were refused for a kiosk session (action
 * {@code PSC_BINDING_REFUSED}). Names people by idNat_PS only; never a token. Implementations are
 * thread-safe and must not throw.
 */
@FunctionalInterface
public interface BindingRefusals {
    /** Tokens of {@code presented} came back for the session {@code kioskSessionId} opened by {@code expected}. */
    void refused(KioskAddress kiosk, String kioskSessionId, IdNatPs expected, IdNatPs presented, PscError code);

    /** @return refusals written to the hub's log, for a hub without an audit log */
    static BindingRefusals logged() {
        Logger log = LoggerFactory.getLogger(BindingRefusals.class);
        return (kiosk, session, expected, presented, code) -> log.warn(
                "PSC_BINDING_REFUSED kiosk={} session={} expected={} presented={} code={}", kiosk, session, expected,
                presented, code);
    }
}
