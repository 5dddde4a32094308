package fr.vigie.hub.sandbox;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubArguments;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubConfigException;
import fr.vigie.hub.HubMain;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A production {@link EdgeHub} and the {@link Sandbox} it is pointed at: the simulators start first,
 * in {@code <hub data dir>/sandbox}, then the hub with their {@link Sandbox#hubSettings()} under the
 * caller's settings (which win). Closing stops the hub, then the simulators. What the demo runs (through
 * {@link SandboxMain}) and what tests that need the national services use. Thread-safe.
 *
 * <pre>{@code
 * try (SandboxHub s = SandboxHub.start(Map.of("hub.data-dir", dir.toString(), "hub.http.port", "0"), clock)) {
 *     s.sandbox().psc().autoApprove(true);
 *     URI api = s.hub().deviceApiUri();
 * }
 * }</pre>
 */
public final class SandboxHub implements AutoCloseable {
    /** The folder of the simulators' files inside the hub's data directory. */
    public static final String DIR = "sandbox";

    private final Sandbox sandbox;
    private final EdgeHub hub;

    private SandboxHub(Sandbox sandbox, EdgeHub hub) {
        this.sandbox = sandbox;
        this.hub = hub;
    }

    /**
     * Starts the simulators (their server on a free port) and a hub configured by {@code settings}
     * ({@code hub.*} keys; {@code hub.data-dir} is required) over the sandbox's.
     */
    public static SandboxHub start(Map<String, String> settings, Clock clock) throws Exception {
        return start(null, settings, 0, clock);
    }

    /**
     * Starts the simulators, their server on {@code sandboxPort} (0 for a free one), and a hub whose
     * configuration is the sandbox's settings, then {@code configFile} (may be null), then {@code overrides}.
     *
     * @throws HubMain.PortBusy a port of the hub is held by another program
     */
    public static SandboxHub start(Path configFile, Map<String, String> overrides, int sandboxPort, Clock clock)
            throws Exception {
        HubConfig plain = HubConfig.load(configFile, overrides);
        Sandbox sandbox = Sandbox.start(plain.dataDir().resolve(DIR), sandboxPort, clock);
        try {
            Map<String, String> settings = new LinkedHashMap<>(sandbox.hubSettings());
            return new SandboxHub(sandbox, HubMain.startOnFreePorts(config(settings, configFile, overrides), clock));
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    private static HubConfig config(Map<String, String> sandboxSettings, Path configFile, Map<String, String> overrides)
            throws HubConfigException {
        return new HubArguments(configFile, overrides, false).load(sandboxSettings);
    }

    public EdgeHub hub() {
        return hub;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** Stops the hub, then the simulators. */
    @Override
    public void close() {
        try {
            hub.close();
        } finally {
            sandbox.close();
        }
    }
}
