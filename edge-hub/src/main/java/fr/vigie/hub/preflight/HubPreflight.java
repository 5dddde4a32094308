package fr.vigie.hub.preflight;

import fr.vigie.hub.HubConfig;
import fr.vigie.hub.PreflightSettings;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.tls.ServerTrust;
import fr.vigie.protocol.service.PreflightCheck;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The checks of {@code ./vigie hub check}, service by service, on settings read as the hub reads them
 * ({@link PreflightSettings}): the hub's verdict on the whole configuration, then for PSC, INSi, ApCV and the GAM
 * (each only when configured) the client certificate, the reachability, and what the service publishes (PSC's
 * discovery document, INSi's WSDL, the ApCV keys). A service whose settings are refused gets that refusal and its
 * certificate's checks; its network checks wait until the settings are accepted. Stateless apart from its clock.
 */
public final class HubPreflight {
    /** Connection and answer timeout for the services without one of their own. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Clock clock;

    public HubPreflight(Clock clock) {
        this.clock = clock;
    }

    /** Runs every check, giving each line to {@code report} as soon as it is known. */
    public void run(PreflightSettings settings, Consumer<PreflightCheck> report) {
        if (settings.refused().isPresent()) {
            PreflightSettings.Refusal r = settings.refused().get();
            report.accept(PreflightCheck.fail("hub", "settings", "SETTINGS_REFUSED", "le hub refuserait de démarrer"
                    + " avec ces réglages (" + r.key() + ") : " + r.message()));
        } else {
            report.accept(PreflightCheck.ok("hub", "settings", "réglages acceptés par le hub"));
        }
        List<X509Certificate> igcSante = igcSanteAnchors(settings.igcSanteAnchors(), report);
        boolean any = false;
        if (settings.psc().configured()) {
            any = true;
            psc(settings.psc(), igcSante, report);
        }
        if (settings.insi().configured()) {
            any = true;
            insi(settings.insi(), igcSante, report);
        }
        if (settings.apcv().configured()) {
            any = true;
            apcv(settings.apcv(), report);
        }
        if (settings.gam().isPresent()) {
            any = true;
            gam(settings.gam().get(), report);
        }
        if (!any && settings.refused().isEmpty()) {
            report.accept(PreflightCheck.warn("hub", "services", "NO_SERVICE", "aucun service national configuré ("
                    + "hub.psc.*, hub.insi.*, hub.apcv.*, hub.gam.*) : connexion PSC, INSi et ApCV désactivées"));
        }
    }

    private void psc(PreflightSettings.Gateway<PscGatewaySettings> gateway, List<X509Certificate> igcSante,
            Consumer<PreflightCheck> report) {
        String service = "PSC";
        if (refused(service, gateway, report)) {
            gateway.certificate().ifPresent(c -> CertificateChecks.check(service, PscGatewaySettings.CERTIFICATE, c,
                    Set.of(), anchors(gateway.trust().orElse(null), PscGatewaySettings.TRUST_ANCHORS, igcSante),
                    clock.instant(), report));
            return;
        }
        PscGatewaySettings psc = gateway.settings().orElseThrow();
        if (psc.certificate().isPresent()) {
            CertificateChecks.check(service, PscGatewaySettings.CERTIFICATE, psc.certificate().get(), Set.of(),
                    anchors(psc.trust(), PscGatewaySettings.TRUST_ANCHORS, igcSante), clock.instant(), report);
        } else {
            report.accept(PreflightCheck.warn(service, "certificate", "CLIENT_SECRET", PscGatewaySettings.CLIENT_AUTH
                    + "=client_secret_basic : un secret client, accepté seulement par le bac à sable de PSC ; en"
                    + " production, tls_client_auth avec un certificat IGC-Santé (" + PscGatewaySettings.CERTIFICATE
                    + ")"));
        }
        SSLContext tls = psc.certificate().map(c -> c.context(psc.trust())).orElseGet(() -> serverOnly(psc.trust()));
        PreflightCheck reach = Reachability.probe(service, psc.discoveryUrl(), tls, PscGatewaySettings.TRUST_ANCHORS,
                TIMEOUT, true, psc.certificate().isPresent());
        report.accept(reach);
        if (reach.status() != PreflightCheck.Status.FAIL) {
            report.accept(ServiceDocuments.discovery(psc, TIMEOUT));
        }
    }

    private void insi(PreflightSettings.Gateway<InsiGatewaySettings> gateway, List<X509Certificate> igcSante,
            Consumer<PreflightCheck> report) {
        String service = "INSi";
        if (refused(service, gateway, report)) {
            gateway.certificate().ifPresent(c -> CertificateChecks.check(service, InsiGatewaySettings.CERTIFICATE, c,
                    InsiGatewaySettings.ACCEPTED_COMMON_NAMES, anchors(gateway.trust().orElse(null),
                            InsiGatewaySettings.TRUST_ANCHORS, igcSante), clock.instant(), report));
            return;
        }
        InsiGatewaySettings insi = gateway.settings().orElseThrow();
        CertificateChecks.check(service, InsiGatewaySettings.CERTIFICATE, insi.certificate(),
                InsiGatewaySettings.ACCEPTED_COMMON_NAMES, anchors(insi.trust(), InsiGatewaySettings.TRUST_ANCHORS,
                        igcSante), clock.instant(), report);
        Duration timeout = insi.connectTimeout().compareTo(TIMEOUT) > 0 ? insi.connectTimeout() : TIMEOUT;
        PreflightCheck reach = Reachability.probe(service, insi.endpoint(), insi.certificate().context(insi.trust()),
                InsiGatewaySettings.TRUST_ANCHORS, timeout, true, true);
        report.accept(reach);
        if (reach.status() != PreflightCheck.Status.FAIL) {
            report.accept(ServiceDocuments.wsdl(insi, insi.callTimeout()));
        }
    }

    private void apcv(PreflightSettings.Gateway<ApcvSettings> gateway, Consumer<PreflightCheck> report) {
        if (refused("ApCV", gateway, report)) {
            return;
        }
        report.accept(ServiceDocuments.apcvKeys(gateway.settings().orElseThrow()));
    }

    private static void gam(GamSettings gam, Consumer<PreflightCheck> report) {
        SSLContext tls = null;
        if (gam.tls()) {
            try {
                tls = serverOnly(ServerTrust.anchors(GamSettings.TLS_TRUST, gam.tlsTrust()));
            } catch (IllegalArgumentException e) {
                report.accept(PreflightCheck.fail("GAM", "reachability", "GAM_TRUST_UNREADABLE", e.getMessage()));
                return;
            }
        }
        report.accept(Reachability.probe("GAM", URI.create((gam.tls() ? "tls" : "tcp") + "://" + gam.host() + ":"
                + gam.port()), tls, GamSettings.TLS_TRUST, TIMEOUT, false, false));
    }

    /** Reports a refused gateway; true when refused. */
    private static boolean refused(String service, PreflightSettings.Gateway<?> gateway,
            Consumer<PreflightCheck> report) {
        if (gateway.refusal().isEmpty()) {
            return false;
        }
        PreflightSettings.Refusal r = gateway.refusal().get();
        report.accept(PreflightCheck.fail(service, "settings", "SETTINGS_REFUSED", r.key() + " : " + r.message()
                + " (les contrôles réseau de ce service attendent que ce réglage soit corrigé)"));
        return true;
    }

    /** The anchors of a client certificate's chain: the service's configured trust, then the IGC-Santé roots. */
    private static CertificateChecks.Anchors anchors(ServerTrust trust, String trustKey,
            List<X509Certificate> igcSante) {
        List<X509Certificate> own = trust == null ? List.of() : trust.certificates();
        return new CertificateChecks.Anchors(own, List.of(trustKey)).plus(igcSante, HubConfig.IGC_SANTE_ANCHORS);
    }

    private static List<X509Certificate> igcSanteAnchors(List<Path> files, Consumer<PreflightCheck> report) {
        List<X509Certificate> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.addAll(Pem.certificateBundle(Files.readAllBytes(f), HubConfig.IGC_SANTE_ANCHORS + " " + f));
            } catch (IOException | ProvisioningException e) {
                report.accept(PreflightCheck.fail("hub", "igc-sante.anchors", "ANCHORS_UNREADABLE",
                        HubConfig.IGC_SANTE_ANCHORS + " " + f + " ne se lit pas : " + e.getMessage()));
            }
        }
        return out;
    }

    /** A context presenting no certificate and trusting {@code trust} (the JVM's own when it is the default). */
    private static SSLContext serverOnly(ServerTrust trust) {
        Optional<SSLContext> own = trust.contextWithoutClientCertificate();
        if (own.isPresent()) {
            return own.get();
        }
        try {
            SSLContext ctx = SSLContext.getInstance(TlsContexts.PROTOCOL);
            ctx.init(null, new TrustManager[] {trust.trustManager()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot create a TLS context", e);
        }
    }
}
