package fr.vigie.hub.sandbox.insi;

import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.Pkcs12Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INSi sandbox as a site's INSi looks to the hub: a test PKI, the simulator on loopback with its
 * server certificate, and in {@code dir} the files a site gets from the CNDA and the IGC-Santé — the
 * establishment certificate {@code INSI-AUTO} as a PKCS#12 ({@value #CERTIFICATE}), its password
 * ({@value #PASSWORD}) and the CA the service's certificate chains to ({@value #TRUST_ANCHORS}) —
 * with the {@code hub.insi.*} settings pointing at them. Close it to stop the simulator. Thread-safe.
 *
 * <pre>{@code
 * try (InsiSandbox insi = InsiSandbox.start(clock, dir.resolve("insi"))) {
 *     HubConfig config = HubConfig.load(null, insi.hubSettings());   // the hub builds its INSi client from them
 * }
 * }</pre>
 */
public final class InsiSandbox implements AutoCloseable {
    /** The software authorisation number the sandbox hub sends (the simulator accepts any). */
    public static final String IDAM = "VIGIE-SANDBOX";
    static final String CERTIFICATE = "establishment-insi-auto.p12";
    static final String PASSWORD = "establishment-insi-auto.password";
    static final String TRUST_ANCHORS = "insi-server-ca.pem";

    private final SandboxPki pki;
    private final InsiSimulator simulator;
    private final Path dir;

    private InsiSandbox(SandboxPki pki, InsiSimulator simulator, Path dir) {
        this.pki = pki;
        this.simulator = simulator;
        this.dir = dir;
    }

    /** Starts the simulator with the built-in identities and writes the hub's files into {@code dir}. */
    public static InsiSandbox start(Clock clock, Path dir) throws IOException {
        SandboxPki pki = SandboxPki.create("TEST", clock);
        AtomicFiles.createPrivateDirectory(dir);
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        SandboxPki.TlsIdentity establishment = pki.establishment("INSI-AUTO");
        Pkcs12Files.write(dir.resolve(CERTIFICATE), Map.of("insi-auto", new Pkcs12Files.Entry(establishment.key(),
                establishment.chain())), password, 10_000, random);
        AtomicFiles.write(dir.resolve(PASSWORD), (new String(password) + "\n").getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.write(dir.resolve(TRUST_ANCHORS), Pem.certificates(List.of(pki.root()))
                .getBytes(StandardCharsets.US_ASCII));
        InsiSimulator sim = InsiSimulator.start(InsiSimulator.Settings.loopback(),
                SandboxPki.context(pki.server(), List.of(pki.root())), SandboxIdentities.builtIn());
        return new InsiSandbox(pki, sim, dir);
    }

    /** The {@code hub.insi.*} settings of a hub using this sandbox, as a site would write them. */
    public Map<String, String> hubSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(InsiGatewaySettings.ENDPOINT, simulator.endpoint().toString());
        s.put(InsiGatewaySettings.CERTIFICATE, dir.resolve(CERTIFICATE).toString());
        s.put(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, dir.resolve(PASSWORD).toString());
        s.put(InsiGatewaySettings.TRUST_ANCHORS, dir.resolve(TRUST_ANCHORS).toString());
        s.put(InsiGatewaySettings.IDAM, IDAM);
        return s;
    }

    public SandboxPki pki() {
        return pki;
    }

    public InsiSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
