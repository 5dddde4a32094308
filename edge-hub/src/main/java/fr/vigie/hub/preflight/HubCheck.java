package fr.vigie.hub.preflight;

import fr.vigie.hub.HubArguments;
import fr.vigie.hub.HubConfigException;
import fr.vigie.hub.PreflightSettings;
import fr.vigie.protocol.service.PreflightReport;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./vigie hub check [--config FILE] [--set hub.KEY=VALUE]…} ({@code vigie-hub check} once installed): reads
 * the hub's settings as the hub does and checks, for each national service configured, the client certificate,
 * the reachability and what the service publishes, one line per check ({@code OK}, {@code WARN} or {@code FAIL},
 * the service, the check, a stable code and the reason). Prints no secret. Exit status 0 when no line is FAIL,
 * 1 otherwise, 2 for a bad command line.
 */
public final class HubCheck {
    static final String USAGE = String.join("\n",
            "usage: vigie hub check [--config FILE] [--set hub.KEY=VALUE]...",
            "Checks what the hub needs from outside, with its own settings: for PSC (hub.psc.*), INSi (hub.insi.*),",
            "ApCV (hub.apcv.*) and the GAM (hub.gam.*), the client certificate (CN, usage, chain, expiry), the",
            "TLS connection, PSC's discovery document, INSi's WSDL and the ApCV keys. One line per check:",
            "OK, WARN or FAIL, service, check, code, reason. Exit 0 without FAIL, 1 with, 2 on bad usage.");

    private HubCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err, Clock.systemUTC()));
    }

    /** Runs the check; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Clock clock) {
        HubArguments arguments;
        try {
            arguments = HubArguments.parse(args);
        } catch (HubConfigException e) {
            err.println("vigie hub check: " + e.getMessage().replace(HubArguments.USAGE, USAGE));
            return PreflightReport.EXIT_USAGE;
        }
        if (arguments.help()) {
            out.println(USAGE);
            return PreflightReport.EXIT_OK;
        }
        PreflightReport report = new PreflightReport(out);
        new HubPreflight(clock).run(PreflightSettings.load(arguments), report::add);
        return report.finish();
    }
}
