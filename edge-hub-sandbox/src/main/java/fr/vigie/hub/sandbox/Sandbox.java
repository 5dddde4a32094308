package fr.vigie.hub.sandbox;

import fr.vigie.hub.HubConfig;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.http.RequestGate;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.hub.sandbox.apcv.ApcvSandboxRoutes;
import fr.vigie.hub.sandbox.igcsante.IgcSanteSandbox;
import fr.vigie.hub.sandbox.insi.IdentitiesPage;
import fr.vigie.hub.sandbox.insi.InsiSandbox;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.sandbox.psc.SandboxProfessionals;
import fr.vigie.hub.sandbox.web.SandboxStylesheet;
import fr.vigie.provisioning.AtomicFiles;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulators of the national services, beside a hub: the sandbox PSC (client {@code vigie-sandbox},
 * its e-CPS phone page), the sandbox IGC-Santé and the sandbox ApCV on one HTTP server of their own on
 * the loopback ({@code /sandbox/psc}, {@code /sandbox/igc-sante}, {@code /sandbox/apcv}, the page of the INSi
 * test identities {@code /sandbox/insi/identities} and the pages' stylesheet), and the INSi
 * simulator on its own HTTPS port with mutual TLS. In {@code dir} it writes what a site receives from the
 * services (the INSi establishment certificate and its password, the service's CA, PSC's bac à sable
 * client secret, the ApCV issuer's public keys, the IGC-Santé anchors and CRLs), and
 * {@link #hubSettings()} gives the {@code hub.insi.*}, {@code hub.psc.*}, {@code hub.apcv.*} and
 * {@code hub.igc-sante.*} settings that point a production hub at them, exactly as a site's
 * configuration file would. For demos, training and tests; never on a site. Thread-safe.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(dataDir.resolve("sandbox"), 0, clock);
 *      EdgeHub hub = EdgeHub.start(HubConfig.load(null, sandbox.hubSettings()))) {
 *     URI phone = sandbox.phonePage();   // approve a kiosk's e-CPS sign-in there
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    /** The client secret file of PSC's bac à sable, in the sandbox folder. */
    static final String PSC_CLIENT_SECRET = "psc-client-secret";
    /** The ApCV issuer's public keys, in the sandbox folder. */
    static final String APCV_KEYS = "apcv-keys.jwks";

    private final Path dir;
    private final Javalin server;
    private final PscSimulator psc;
    private final InsiSandbox insi;
    private final IgcSanteSandbox igcSante;
    private final ApcvIssuer apcv;
    private final ScheduledExecutorService refresher;

    private Sandbox(Path dir, Javalin server, PscSimulator psc, InsiSandbox insi, IgcSanteSandbox igcSante,
            ApcvIssuer apcv, ScheduledExecutorService refresher) {
        this.dir = dir;
        this.server = server;
        this.psc = psc;
        this.insi = insi;
        this.igcSante = igcSante;
        this.apcv = apcv;
        this.refresher = refresher;
    }

    /**
     * Starts the simulators, their server on 127.0.0.1:{@code port} (0 for a free port), and writes the
     * site's files into {@code dir} (owner-only).
     */
    public static Sandbox start(Path dir, int port, Clock clock) throws IOException {
        AtomicFiles.createPrivateDirectory(dir);
        PscSimulator psc = new PscSimulator(PscSimulator.Options.defaults(), SandboxProfessionals.bundled(), clock,
                new SecureRandom());
        IgcSanteSandbox igcSante = IgcSanteSandbox.start(clock, dir);
        ApcvIssuer apcv = ApcvIssuer.generate(clock);
        apcv.writePublicKeys(dir.resolve(APCV_KEYS));
        AtomicFiles.write(dir.resolve(PSC_CLIENT_SECRET),
                (psc.clientSecret() + "\n").getBytes(StandardCharsets.US_ASCII));
        InsiSandbox insi = InsiSandbox.start(clock, dir);
        Javalin server = null;
        try {
            Javalin app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.startupWatcherEnabled = false;
            });
            server = app;
            RequestGate.forHosts(List.of("localhost", "127.0.0.1", "::1"))
                    .accepting(PscSimulator.DEFAULT_BASE + "/", RequestGate.FORM).install(app);
            psc.mount(app, PscSimulator.DEFAULT_BASE, () -> "http://127.0.0.1:" + app.port());
            igcSante.mount(app);
            ApcvSandboxRoutes.mount(app, apcv);
            IdentitiesPage.mount(app, insi.simulator().identities());
            SandboxStylesheet.mount(app);
            app.start("127.0.0.1", port);
        } catch (RuntimeException e) {
            insi.close();
            if (server != null) {
                server.stop();
            }
            throw e;
        }
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-igc-sante-crls");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                igcSante.writeCrls();
            } catch (IOException | RuntimeException e) {
                LOG.warn("sandbox IGC-Santé CRLs not rewritten: {}", e.toString());
            }
        }, 1, 1, TimeUnit.HOURS);
        Sandbox sandbox = new Sandbox(dir, server, psc, insi, igcSante, apcv, refresher);
        LOG.warn("sandbox simulators of PSC, INSi, ApCV and IGC-Santé at {} and {} (never on a real site)",
                sandbox.origin(), sandbox.insiEndpoint());
        return sandbox;
    }

    /**
     * The settings that point a hub at these simulators, as a site's configuration file points it at
     * the real services: {@code hub.insi.*} (endpoint, establishment certificate, its password file, the
     * service's CA, IDAM), {@code hub.psc.*} (discovery URL, client id, {@code client_secret_basic} with
     * the bac à sable's secret file), {@code hub.apcv.*} (keys file, issuer) and {@code hub.igc-sante.*}
     * (anchors and CRL files).
     */
    public Map<String, String> hubSettings() {
        Map<String, String> s = new LinkedHashMap<>(insi.hubSettings());
        s.put(PscGatewaySettings.DISCOVERY_URL, psc.issuer() + PscProvider.DISCOVERY_PATH);
        s.put(PscGatewaySettings.CLIENT_ID, psc.clientId());
        s.put(PscGatewaySettings.CLIENT_AUTH, PscGatewaySettings.ClientAuthentication.CLIENT_SECRET_BASIC.value());
        s.put(PscGatewaySettings.CLIENT_SECRET_FILE, dir.resolve(PSC_CLIENT_SECRET).toString());
        s.put(ApcvSettings.KEYS_FILE, dir.resolve(APCV_KEYS).toString());
        s.put(ApcvSettings.ISSUER, ApcvIssuer.ISSUER);
        s.put(HubConfig.IGC_SANTE_ANCHORS, igcSante.anchorsFile().toString());
        s.put(HubConfig.IGC_SANTE_CRL_FILES, igcSante.crlFile().toString());
        return s;
    }

    /** The one line a launcher prints once the simulators serve, before the hub's READY line. */
    public String readyLine() {
        return "VIGIE-SANDBOX READY origin=" + origin() + " psc=" + pscIssuer() + " phone=" + phonePage() + " insi="
                + insiEndpoint() + " dir=" + dir;
    }

    /** The simulators' HTTP server, e.g. {@code http://127.0.0.1:41234}. */
    public URI origin() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The sandbox PSC issuer. */
    public URI pscIssuer() {
        return psc.issuer();
    }

    /** The "e-CPS phone" page where pending sign-ins are approved or refused. */
    public URI phonePage() {
        return psc.phonePage();
    }

    /** The page listing the INSi simulator's test identities (what a tester types or inserts at an admission desk). */
    public URI identitiesPage() {
        return origin().resolve(IdentitiesPage.PATH);
    }

    /** The INSi simulator's SOAP endpoint (mutual TLS). */
    public URI insiEndpoint() {
        return insi.simulator().endpoint();
    }

    /** The folder of the site's files. */
    public Path dir() {
        return dir;
    }

    public PscSimulator psc() {
        return psc;
    }

    public InsiSandbox insi() {
        return insi;
    }

    /** The sandbox IGC-Santé (test cards' CA, its CRLs, anchors for demo kiosks) under {@link IgcSanteSandbox#BASE}. */
    public IgcSanteSandbox igcSante() {
        return igcSante;
    }

    /** The sandbox ApCV issuer, whose keys the hub trusts through {@code hub.apcv.keys-file}. */
    public ApcvIssuer apcv() {
        return apcv;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        server.stop();
        insi.close();
        psc.close();
    }
}
