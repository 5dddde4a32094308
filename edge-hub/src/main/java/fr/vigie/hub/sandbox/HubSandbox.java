package fr.vigie.hub.sandbox;

import fr.vigie.hub.insi.InsiAudit;
import fr.vigie.hub.sandbox.igcsante.IgcSanteSandbox;
import fr.vigie.hub.sandbox.apcv.ApcvIssuer;
import fr.vigie.hub.sandbox.apcv.ApcvSandboxRoutes;
import fr.vigie.hub.sandbox.insi.InsiSandbox;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.sandbox.psc.SandboxProfessionals;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The simulators a sandbox hub serves: the PSC simulator mounted on the hub's own HTTP server under
 * {@link PscSimulator#DEFAULT_BASE}, the sandbox IGC-Santé under {@link IgcSanteSandbox#BASE}, the ApCV issuer under
 * {@code /sandbox/apcv}, and the INSi simulator on its own loopback HTTPS port with
 * mutual TLS (its test PKI made at start). For demos, training and tests; never enabled in
 * production. Thread-safe.
 */
public final class HubSandbox implements AutoCloseable {
    private final PscSimulator psc;
    private final InsiSandbox insi;
    private final IgcSanteSandbox igcSante;
    private final ApcvIssuer apcv;

    private HubSandbox(PscSimulator psc, InsiSandbox insi, IgcSanteSandbox igcSante, ApcvIssuer apcv) {
        this.psc = psc;
        this.insi = insi;
        this.igcSante = igcSante;
        this.apcv = apcv;
    }

    /**
     * Starts the INSi simulator and prepares the PSC one (served once {@link #mount mounted}); every
     * call of the sandbox INSi client goes to {@code insiCalls}.
     */
    public static HubSandbox start(Clock clock, InsiAudit insiCalls) throws IOException {
        PscSimulator psc = new PscSimulator(PscSimulator.Options.defaults(), SandboxProfessionals.bundled(), clock,
                new SecureRandom());
        return new HubSandbox(psc, InsiSandbox.start(clock, insiCalls), IgcSanteSandbox.start(clock),
                ApcvIssuer.generate(clock));
    }

    /** Adds the PSC simulator's routes to the hub's server; {@code origin} is the hub's base URL. */
    public void mount(Javalin app, Supplier<String> origin) {
        psc.mount(app, PscSimulator.DEFAULT_BASE, origin);
        igcSante.mount(app);
        ApcvSandboxRoutes.mount(app, apcv);
    }

    /** The sandbox PSC issuer, to configure the PSC gateway with. */
    public URI pscIssuer() {
        return psc.issuer();
    }

    /** The "e-CPS phone" page where pending sign-ins are approved or refused. */
    public URI phonePage() {
        return psc.phonePage();
    }

    /** The INSi simulator's SOAP endpoint (mutual TLS). */
    public URI insiEndpoint() {
        return insi.simulator().endpoint();
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

    /** The sandbox ApCV issuer, whose key the sandbox hub trusts. */
    public ApcvIssuer apcv() {
        return apcv;
    }

    @Override
    public void close() {
        insi.close();
        psc.close();
    }
}
