package fr.vigie.hub;

import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.insi.InsiAudit;
import fr.vigie.hub.insi.InsiClient;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.tls.ClientCertificate;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's gateways to the national services, built from the {@link GatewaySettings} exactly as a site
 * configured them (the sandbox launcher configures the same settings): the INSi client recording every
 * call, the PSC gateway's configuration for kiosk sign-ins by CIBA, and the ApCV trust. Says at start
 * which are on, and warns when a client certificate is not valid now or expires within 30 days (the
 * service would refuse it; the hub still starts, for everything else). Immutable.
 *
 * @param insi the INSi client, or empty (INSi steps answer {@code INSI_UNAVAILABLE})
 * @param psc the PSC gateway for kiosk CIBA sign-ins, or empty ({@code CIBA_UNAVAILABLE})
 * @param apcv the ApCV trust, or empty ({@code APCV_NOT_CONFIGURED})
 */
record HubGateways(Optional<InsiClient> insi, Optional<PscGatewayConfig> psc, Optional<ApcvSettings> apcv) {
    private static final Logger LOG = LoggerFactory.getLogger(HubGateways.class);

    static HubGateways build(GatewaySettings settings, InsiAudit insiCalls, String hubInstanceId, Clock clock) {
        settings.insi().ifPresent(s -> checkValidity(InsiGatewaySettings.CERTIFICATE, s.certificate(), clock));
        settings.psc().flatMap(PscGatewaySettings::certificate)
                .ifPresent(c -> checkValidity(PscGatewaySettings.CERTIFICATE, c, clock));
        Optional<InsiClient> insi = settings.insi().map(s -> s.client(insiCalls, hubInstanceId, clock));
        Optional<PscGatewayConfig> psc = settings.psc().filter(PscGatewaySettings::ciba)
                .map(PscGatewaySettings::gatewayConfig);
        LOG.info("gateways: INSi {}; PSC {}; ApCV {}",
                settings.insi().map(s -> "at " + s.endpoint() + " as " + s.certificate().commonName().orElse("?"))
                        .orElse("off (no hub.insi.endpoint)"),
                settings.psc().map(s -> "at " + s.issuer() + " as " + s.clientId() + " (" + s.authentication().value()
                        + (s.ciba() ? ", CIBA on)" : ", CIBA off)")).orElse("off (no hub.psc.discovery-url)"),
                settings.apcv().map(a -> "keys " + a.keys() + " of " + a.issuer())
                        .orElse("off (no hub.apcv.keys-file or keys-url)"));
        return new HubGateways(insi, psc, settings.apcv());
    }

    private static void checkValidity(String key, ClientCertificate certificate, Clock clock) {
        switch (certificate.validityAt(clock.instant())) {
            case NOT_YET_VALID, EXPIRED -> LOG.warn("{} {} is not valid now (valid {} to {}): the service will refuse it",
                    key, certificate.file(), certificate.notBefore(), certificate.notAfter());
            case EXPIRES_SOON -> LOG.warn("{} {} expires on {}: renew it", key, certificate.file(), certificate.notAfter());
            case VALID -> { }
        }
    }
}
