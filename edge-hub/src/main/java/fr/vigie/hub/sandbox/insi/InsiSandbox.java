package fr.vigie.hub.sandbox.insi;

import fr.vigie.hub.insi.InsiAudit;
import fr.vigie.hub.insi.InsiSettings;
import fr.vigie.hub.insi.SoapInsiClient;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The INSi sandbox wired end to end, for the demo and the benchmark: a test PKI, the simulator on
 * loopback with its server certificate, and a {@link SoapInsiClient} presenting an establishment
 * certificate with CN {@code INSI-AUTO}. The hub's composition root can start one instead of
 * connecting to the real service. Close it to stop the simulator.
 *
 * <pre>{@code
 * try (InsiSandbox sandbox = InsiSandbox.start(Clock.systemUTC(), audit)) {
 *     InsiResult r = sandbox.client().rechercherAvecTraits(caller, query);
 * }
 * }</pre>
 */
public final class InsiSandbox implements AutoCloseable {
    private final SandboxPki pki;
    private final InsiSimulator simulator;
    private final SoapInsiClient client;

    private InsiSandbox(SandboxPki pki, InsiSimulator simulator, SoapInsiClient client) {
        this.pki = pki;
        this.simulator = simulator;
        this.client = client;
    }

    /** Starts the simulator with the built-in identities and builds a client for it. */
    public static InsiSandbox start(Clock clock, InsiAudit audit) throws IOException {
        SandboxPki pki = SandboxPki.create("TEST", clock);
        InsiSimulator sim = InsiSimulator.start(InsiSimulator.Settings.loopback(),
                SandboxPki.context(pki.server(), List.of(pki.root())), SandboxIdentities.builtIn());
        InsiSettings settings = InsiSettings.defaults(sim.endpoint(), "10B0152872", "VIGIE-SANDBOX");
        SoapInsiClient client = SoapInsiClient.overHttps(settings,
                SandboxPki.context(pki.establishment("INSI-AUTO"), List.of(pki.root())), audit, clock);
        return new InsiSandbox(pki, sim, client);
    }

    public SandboxPki pki() {
        return pki;
    }

    public InsiSimulator simulator() {
        return simulator;
    }

    /** A client of the simulator over mutual TLS. */
    public SoapInsiClient client() {
        return client;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
