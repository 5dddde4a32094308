package fr.vigie.kiosk.preflight;

import fr.vigie.hardware.card.pcsc.PcscTerminalSource;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.config.KioskConfigException;
import fr.vigie.protocol.service.PreflightCheck;
import fr.vigie.protocol.service.PreflightReport;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code ./vigie kiosk check [--config FILE]} ({@code vigie-kiosk check} once installed): reads the kiosk's settings
 * as the kiosk does and checks what it needs on its machine and network ({@link KioskPreflight}), one line per
 * check in the format of {@code ./vigie hub check}. Exit status 0 when no line is FAIL, 1 otherwise, 2 for a bad
 * command line.
 */
public final class KioskCheck {
    static final String USAGE = String.join("\n",
            "usage: vigie kiosk check [--config FILE]",
            "Checks what this kiosk needs: pcscd and the card readers, the hub reachable with its root pinned",
            "(kiosk.hub.url, kiosk.hub.ca-fingerprint), the device identity, the GPIO provider and the touch screen",
            "page the display shows (kiosk.ui.port). One line per check: OK, WARN or FAIL, part, check, code,",
            "reason. Exit 0 without FAIL, 1 with, 2 on bad usage.");

    private KioskCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err,
                new KioskPreflight(PcscTerminalSource::system, Clock.systemUTC())));
    }

    /** Runs the check with {@code preflight}; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err, KioskPreflight preflight) {
        Path config = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return PreflightReport.EXIT_OK;
            }
            if (!a.equals("--config") || i + 1 >= args.size()) {
                err.println("vigie kiosk check: " + (a.equals("--config") ? "--config needs a file" : "unknown option '"
                        + a + "'") + "\n" + USAGE);
                return PreflightReport.EXIT_USAGE;
            }
            try {
                config = Path.of(args.get(++i));
            } catch (InvalidPathException e) {
                err.println("vigie kiosk check: --config '" + args.get(i) + "' is not a usable path\n" + USAGE);
                return PreflightReport.EXIT_USAGE;
            }
        }
        PreflightReport report = new PreflightReport(out);
        KioskConfig settings;
        try {
            settings = KioskConfig.load(config, Map.of());
        } catch (KioskConfigException | IllegalArgumentException e) {
            report.add(PreflightCheck.fail("kiosk", "settings", "SETTINGS_REFUSED", "la borne refuserait de démarrer"
                    + " avec ces réglages : " + e.getMessage()));
            return report.finish();
        }
        preflight.run(settings, report::add);
        return report.finish();
    }
}
