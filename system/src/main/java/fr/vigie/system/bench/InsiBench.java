package fr.vigie.system.bench;

import fr.vigie.hub.HubConfig;
import fr.vigie.hub.insi.InsiCaller;
import fr.vigie.hub.insi.InsiResult;
import fr.vigie.hub.insi.SoapInsiClient;
import fr.vigie.hub.insi.TraitsQuery;
import fr.vigie.hub.sandbox.insi.InsiSandbox;
import fr.vigie.hub.sandbox.insi.InsiSimulator;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures the gateway, built from the sandbox's {@code hub.insi.*} settings as the hub builds it, against
 * the sandbox over mutual TLS on loopback: N sequential
 * {@code rechercherInsAvecTraitsIdentite} calls after a warm-up, printing p50/p99 of the whole
 * call, of the simulator's own handling, and of the difference: the client-side overhead (request
 * writing, TLS and HTTP on loopback, size-capped read, hardened parse, schema validation, mapping,
 * audit). {@code ./vigie bench insi} runs it. Usage: {@code InsiBench [calls]} (default 2000).
 */
public final class InsiBench {
    private InsiBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Clock clock = Clock.systemUTC();
        Path dir = Files.createTempDirectory("vigie-insi-bench");
        try (InsiSandbox sandbox = InsiSandbox.start(clock, dir.resolve("insi"))) {
            InsiSimulator sim = sandbox.simulator();
            Map<String, String> settings = new HashMap<>(sandbox.hubSettings());
            settings.put(HubConfig.DATA_DIR, dir.resolve("hub").toString());
            SoapInsiClient client = HubConfig.load(null, settings).gateways().insi().orElseThrow()
                    .client(entry -> { }, "bench", clock);
            StrictTraits traits = StrictTraits.check(TraitsInput.of("LEGRAND", "SOPHIE", "F", "1990-11-20"),
                    LocalDate.now(clock)).orThrow();
            InsiCaller caller = new InsiCaller("bench", null, null);
            TraitsQuery query = TraitsQuery.premierPrenom(traits);
            for (int i = 0; i < Math.max(200, calls / 5); i++) {
                client.rechercherAvecTraits(caller, query);
            }
            long[] total = new long[calls];
            long[] server = new long[calls];
            long[] overhead = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                InsiResult r = client.rechercherAvecTraits(caller, query);
                total[i] = System.nanoTime() - t0;
                server[i] = sim.lastHandlingNanos();
                overhead[i] = total[i] - server[i];
                if (!(r instanceof InsiResult.OneIdentity)) {
                    throw new IllegalStateException("unexpected answer " + r.codeCr());
                }
            }
            System.out.printf("insi bench: %d calls rechercherInsAvecTraitsIdentite over mutual TLS (loopback, keep-alive)%n", calls);
            print("whole call", total);
            print("simulator handling", server);
            print("client-side overhead", overhead);
        }
    }

    private static void print(String label, long[] nanos) {
        Percentiles p = Percentiles.of(Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray());
        System.out.printf("  %-22s p50 %7.3f ms   p99 %7.3f ms%n", label, p.at(50), p.at(99));
    }
}
