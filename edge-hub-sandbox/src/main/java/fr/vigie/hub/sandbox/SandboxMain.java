package fr.vigie.hub.sandbox;

import fr.vigie.hub.HubArguments;
import fr.vigie.hub.HubConfigException;
import fr.vigie.hub.HubMain;
import fr.vigie.hub.device.DeviceRole;
import fr.vigie.protocol.KioskAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./vigie sandbox} (and the hub process of {@code ./vigie demo}): the simulators of the national
 * services and a production hub pointed at them.
 *
 * <pre>
 * java -cp … fr.vigie.hub.sandbox.SandboxMain [hub options, as vigie hub] [--sandbox-port P] [--bootstrap-tokens N]
 *                                            [--admission-desk KIOSK_ID]
 * </pre>
 *
 * Prints {@code VIGIE-SANDBOX READY origin=… psc=<issuer> phone=<e-CPS phone page> insi=<endpoint> dir=…},
 * then the hub's {@code VIGIE-HUB READY …} line; with {@code --bootstrap-tokens N} the hub issues
 * bootstrap tokens for kiosks {@code kiosk-001…} of its site first, in {@code <dir>/bootstrap-tokens/}
 * (the demo's virtual kiosks enrol with them); with {@code --admission-desk kiosk-001} the hub knows that kiosk
 * of its site as an admission desk (audited, actor {@code sandbox}), as IT would declare it. Exit status and
 * shutdown as {@link HubMain}.
 */
public final class SandboxMain {
    static final String USAGE = HubArguments.USAGE + "\n"
            + "sandbox:          [--sandbox-port P] (the simulators' HTTP server; 0, the default, picks a free port)\n"
            + "                  [--bootstrap-tokens N] (tokens for the demo kiosks kiosk-001…, 0 to 999)\n"
            + "                  [--admission-desk KIOSK_ID] (the hub knows that kiosk of its site as an admission desk)";

    private SandboxMain() {
    }

    public static void main(String[] args) {
        HubMain.run("vigie-sandbox", () -> {
            List<String> hubArgs = new ArrayList<>();
            int port = 0;
            int tokens = 0;
            String desk = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--admission-desk")) {
                    if (i + 1 >= args.length || !args[i + 1].matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
                        throw new HubConfigException(a, i + 1 < args.length ? args[i + 1] : "",
                                "option " + a + " needs a kiosk id\n" + USAGE);
                    }
                    desk = args[++i];
                } else if (a.equals("--sandbox-port") || a.equals("--bootstrap-tokens")) {
                    if (i + 1 >= args.length) {
                        throw new HubConfigException(a, "", "option " + a + " needs a value\n" + USAGE);
                    }
                    int v = number(a, args[++i], a.equals("--sandbox-port") ? 65535 : 999);
                    if (a.equals("--sandbox-port")) {
                        port = v;
                    } else {
                        tokens = v;
                    }
                } else {
                    hubArgs.add(a);
                }
            }
            HubArguments arguments = HubArguments.parse(hubArgs);
            if (arguments.help()) {
                System.out.println(USAGE);
                return Optional.empty();
            }
            SandboxHub started = SandboxHub.start(arguments.configFile(), arguments.overrides(), port,
                    Clock.systemUTC());
            try {
                if (tokens > 0) {
                    SandboxTokens.write(started.hub().enrolments(),
                            started.sandbox().dir().resolve(SandboxTokens.DIR), tokens);
                }
                if (desk != null) {
                    started.hub().deviceRoles().set(KioskAddress.of(started.hub().siteCa().settings().site(), desk),
                            DeviceRole.ADMISSION_DESK, "sandbox");
                }
            } catch (Exception | Error e) {
                started.close();
                throw e;
            }
            return Optional.of(new HubMain.Started(started.hub(), List.of(started.sandbox().readyLine()),
                    started.sandbox()));
        });
    }

    private static int number(String option, String value, int max) throws HubConfigException {
        try {
            int v = Integer.parseInt(value);
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HubConfigException(option, value, "option " + option + " takes a whole number from 0 to " + max
                + ", got '" + value + "'");
    }
}
