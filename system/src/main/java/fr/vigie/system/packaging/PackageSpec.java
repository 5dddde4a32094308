package fr.vigie.system.packaging;

import java.util.List;

/**
 * What one Debian package of Vigie is: its name, the application module whose jar and run-time dependencies it
 * installs under {@code /usr/share/vigie/<appDir>/lib}, and its control fields. The files that are not jars
 * (commands, settings, systemd units, maintainer scripts) are in {@code packaging/deb/<name>/} in the
 * repository. Immutable.
 */
record PackageSpec(String name, String module, String appDir, String summary, String description, String depends,
        String recommends) {
    /** Debian's Java 17 (or newer) runtime, without a display. */
    static final String JAVA = "default-jre-headless (>= 2:1.17) | java17-runtime-headless";
    /** What the maintainer scripts use: adduser, and deb-systemd-helper/deb-systemd-invoke for the units. */
    static final String SCRIPTS = "adduser, init-system-helpers (>= 1.54~)";

    static final PackageSpec HUB = new PackageSpec("vigie-hub", "edge-hub", "hub",
            "site server of the Vigie identity kiosks for French care sites",
            "The site server of Vigie, the identity kiosk for French care sites: MQTT\n"
                    + "broker, identity registry (INS, RNIV statuses), kiosk enrolment and fleet,\n"
                    + "IT console and REST API, gateways to Pro Sante Connect and INSi.\n"
                    + "Runs as the systemd service vigie-hub; vigie-hub-backup.timer makes a daily\n"
                    + "encrypted backup (pg_dump and pg_restore from postgresql-client).",
            JAVA + ", " + SCRIPTS + ", postgresql-client", "");

    static final PackageSpec KIOSK = new PackageSpec("vigie-kiosk", "kiosk", "kiosk",
            "identity kiosk for French care sites (card readers, touch screen)",
            "The kiosk of Vigie for a Raspberry Pi with a touch screen: CPS and Vitale\n"
                    + "card readers through pcscd, status LED, buzzer and presence sensor through\n"
                    + "GPIO, a durable outbox reporting to the site's edge hub, and its touch\n"
                    + "screen shown by Chromium in kiosk mode under the cage Wayland compositor.\n"
                    + "Runs as the systemd services vigie-kiosk and vigie-kiosk-display.",
            JAVA + ", " + SCRIPTS + ", pcscd, libpcsclite1, chromium, cage", "polkitd");

    static final List<PackageSpec> ALL = List.of(HUB, KIOSK);
}
