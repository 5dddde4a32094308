package fr.vigie.protocol.service;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines of one preflight, printed as they come, and the exit status they make: {@value #EXIT_OK} when no
 * line is FAIL (WARN lines included), {@value #EXIT_FAILED} otherwise; {@value #EXIT_USAGE} is the status of a
 * command line the preflight cannot use. Not thread-safe: one preflight, one thread.
 */
public final class PreflightReport {
    /** No FAIL line. */
    public static final int EXIT_OK = 0;
    /** At least one FAIL line. */
    public static final int EXIT_FAILED = 1;
    /** Bad command line. */
    public static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private final List<PreflightCheck> checks = new ArrayList<>();

    /** A report printing each line to {@code out} as soon as it is added. */
    public PreflightReport(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Prints and keeps {@code check}. */
    public PreflightReport add(PreflightCheck check) {
        checks.add(Objects.requireNonNull(check, "check"));
        out.println(check.line());
        out.flush();
        return this;
    }

    /** Every line so far. */
    public List<PreflightCheck> checks() {
        return List.copyOf(checks);
    }

    /** How many lines have {@code status}. */
    public long count(PreflightCheck.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** Prints the closing summary and returns the exit status. */
    public int finish() {
        long fail = count(PreflightCheck.Status.FAIL);
        long warn = count(PreflightCheck.Status.WARN);
        out.println(fail == 0 && warn == 0 ? "bilan : tout est en ordre (" + checks.size() + " contrôles)"
                : "bilan : " + fail + " échec(s), " + warn + " avertissement(s) sur " + checks.size() + " contrôles");
        out.flush();
        return fail == 0 ? EXIT_OK : EXIT_FAILED;
    }
}
