package fr.vigie.hub.sandbox.psc;

import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaFlow;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.IdTokenValidator;
import fr.vigie.hub.psc.PscAuditSink;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.hub.psc.SessionBindingGuard;
import fr.vigie.protocol.identity.IdNatPs;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the gateway's own cost of a CIBA sign-in against the sandbox PSC on loopback: the
 * request to {@code ext/ciba/auth}, one poll of the token endpoint (the sandbox approves at once),
 * ID token validation and the session binding check. The professional's approval time and the
 * poll interval PSC imposes are left out: they are the same with any gateway. Prints p50/p99 per
 * phase.
 *
 * <pre>{@code java fr.vigie.hub.sandbox.psc.CibaBench [sign-ins, default 500] [warm-up, default 100]}</pre>
 */
public final class CibaBench {
    private CibaBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Clock clock = Clock.systemUTC();
        try (PscSimulator psc = PscSimulator.start("127.0.0.1", 0, PscSimulator.Options.defaults(),
                SandboxProfessionals.bundled(), clock, new SecureRandom())) {
            psc.autoApprove(true);
            PscGatewayConfig config = PscGatewayConfig.withSecret(psc.issuer(), PscSimulator.Options.defaults().clientId(),
                    PscSimulator.Options.defaults().clientSecret());
            PscProvider provider = PscProvider.discover(config);
            IdTokenValidator validator = IdTokenValidator.forProvider(config, provider, clock);
            CibaFlow flow = new CibaFlow(config, provider, validator, new SecureRandom(), clock);
            SessionBindingGuard guard = new SessionBindingGuard(new PscAuditSink.InMemory(), clock);
            IdNatPs doctor = psc.professionals().byRole("doctor").idNatPs();
            long[] start = new long[runs];
            long[] poll = new long[runs];
            long[] total = new long[runs];
            for (int i = -warmup; i < runs; i++) {
                long t0 = System.nanoTime();
                CibaRequest req = flow.start(doctor, i % 2 == 0 ? CibaChannel.CARD : CibaChannel.MOBILE);
                long t1 = System.nanoTime();
                CibaPoll answer = flow.poll(req);
                if (!(answer instanceof CibaPoll.Tokens tokens)
                        || !(guard.bind("bench", doctor, tokens.tokens()) instanceof SessionBindingGuard.Binding.Bound)) {
                    throw new IllegalStateException("sign-in " + i + " did not complete: " + answer);
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    start[i] = t1 - t0;
                    poll[i] = t2 - t1;
                    total[i] = t2 - t0;
                }
            }
            System.out.printf(Locale.ROOT, "CIBA sign-ins against the sandbox PSC on loopback: %d (after %d warm-up),"
                    + " instant approval, poll interval excluded%n", runs, warmup);
            print("ext/ciba/auth", start);
            print("poll + ID token validation + binding", poll);
            print("gateway overhead per sign-in", total);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "  %-38s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", what,
                s[s.length / 2] / 1e6, s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6,
                s[s.length - 1] / 1e6);
    }
}
