package fr.vigie.system.bench.card;

import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.pcsc.PcscDaemon;
import fr.vigie.hardware.sim.pcsc.PcscdStation;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCardStation;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.igcsante.IgcSanteValidator;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.system.bench.Percentiles;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * Measures a full contact sign-in with a virtual CPS card (connect, SELECT, read the certificate,
 * VERIFY PIN, MSE SET + INTERNAL AUTHENTICATE on a fresh challenge, the certificate validated against
 * the IGC-Santé anchors and CRLs as the kiosk does), in-process and behind a real pcscd + vpcd, for
 * {@code ./vigie bench card}. Not thread-safe.
 *
 * <pre>{@code
 * for (CardSignInBench.Result r : CardSignInBench.runAll(200)) System.out.println(r);
 * }</pre>
 */
public final class CardSignInBench {
    /** Latency figures for one transport. */
    public record Result(String transport, int runs, double p50Millis, double p99Millis, double maxMillis,
            int apdusPerSignIn, String note) {
        @Override
        public String toString() {
            if (runs == 0) {
                return String.format("%-14s skipped: %s", transport, note);
            }
            return String.format("%-14s runs=%d p50=%.2f ms p99=%.2f ms max=%.2f ms APDUs/sign-in=%d",
                    transport, runs, p50Millis, p99Millis, maxMillis, apdusPerSignIn);
        }
    }

    private CardSignInBench() {
    }

    /** Runs {@code runs} sign-ins (after {@code runs / 10 + 5} warm-up ones) on a station. */
    public static Result run(VirtualCardStation station, int runs) throws IOException, CardOperationException {
        TestIgcSante igc = TestIgcSante.shared();
        VirtualCpsCard card = VirtualCpsCard.builder(igc.issuePersonne("810000000009", "BENCH", "CARTE"))
                .pin("1234").build();
        station.insert(card);
        IgcSanteValidator validator = validator(igc);
        SecureRandom random = new SecureRandom();
        int warmup = runs / 10 + 5;
        double[] millis = new double[runs];
        int apdus = 0;
        for (int i = -warmup; i < runs; i++) {
            byte[] challenge = new byte[32];
            random.nextBytes(challenge);
            long start = System.nanoTime();
            apdus = signIn(station, challenge, validator);
            long elapsed = System.nanoTime() - start;
            if (i >= 0) {
                millis[i] = elapsed / 1e6;
            }
        }
        Percentiles p = Percentiles.of(millis);
        return new Result(station.describe(), runs, p.at(50), p.at(99), p.at(100), apdus, "");
    }

    private static IgcSanteValidator validator(TestIgcSante igc) {
        IgcSanteCrls crls = IgcSanteCrls.inMemory(igc.trust());
        try {
            for (X509CRL crl : igc.crls()) {
                crls.offer(crl);
            }
        } catch (ProvisioningException | IOException e) {
            throw new IllegalStateException("the test hierarchy's own CRLs are refused", e);
        }
        return new IgcSanteValidator(igc.trust(), crls, Duration.ZERO, Clock.systemUTC());
    }

    private static int signIn(VirtualCardStation station, byte[] challenge, IgcSanteValidator validator)
            throws CardOperationException {
        Card connection;
        try {
            CardTerminal terminal = station.terminals().open().getTerminal(station.readerName());
            connection = terminal.connect("*");
        } catch (CardException e) {
            throw new IllegalStateException("cannot connect to the bench card: " + e.getMessage(), e);
        }
        try {
            CpsCard cps = CpsCard.open(connection, null);
            X509Certificate certificate = cps.holder().certificate();
            cps.verifyPin("1234");
            cps.authenticate(challenge);
            validator.validate(certificate);
            return cps.apduCount();
        } catch (ProvisioningException e) {
            throw new IllegalStateException("the bench card's certificate is refused: " + e, e);
        } finally {
            try {
                connection.disconnect(true);
            } catch (CardException e) {
                // the next sign-in connects anew
            }
        }
    }

    /** Runs the bench in-process, then behind pcscd when pcscd and vpcd are installed. */
    public static List<Result> runAll(int runs) throws IOException, CardOperationException {
        List<Result> results = new ArrayList<>();
        try (VirtualCardStation inProcess = VirtualCardStation.inProcess()) {
            results.add(run(inProcess, runs));
        }
        if (!PcscDaemon.installed()) {
            results.add(new Result("pcscd + vpcd", 0, 0, 0, 0, 0, "pcscd or vsmartcard-vpcd not installed"));
            return results;
        }
        try (PcscdStation pcscd = PcscdStation.start()) {
            results.add(run(pcscd, runs));
        }
        return results;
    }

    /** Prints the results; argument: number of sign-ins per transport (default 200). */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (Result r : runAll(runs)) {
            System.out.println(r);
        }
    }
}
