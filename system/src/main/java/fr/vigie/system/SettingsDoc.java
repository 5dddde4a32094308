package fr.vigie.system;

import fr.vigie.config.KioskFleetSettings;
import fr.vigie.config.Setting;
import fr.vigie.config.SettingsReference;
import fr.vigie.hub.HubSettingsCatalogue;
import fr.vigie.kiosk.config.KioskSettingsCatalogue;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docs/SETTINGS.md}, generated from the settings catalogues of the hub and the kiosk: the one reference of
 * every setting's name, default, bounds and meaning. {@code SettingsDocTest} fails when the checked-in file differs
 * and says how to write it again. Stateless.
 */
public final class SettingsDoc {
    /** The command that writes the file again from the code, from the repository's root. */
    public static final String REGENERATE = "mvn -q -B -pl system -am test -Dtest=SettingsDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dvigie.settings.write=true";

    private SettingsDoc() {
    }

    /** The whole file. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Settings reference\n\n")
                .append("<!-- Generated from the code (HubSettingsCatalogue, KioskSettingsCatalogue, KioskFleetSettings)."
                        + " Do not edit: run\n     ").append(REGENERATE).append("\n-->\n\n")
                .append("Every setting of the hub and of a kiosk has one dotted name, used the same way in the properties"
                        + " files (`/etc/vigie/hub.properties`, `/etc/vigie/kiosk.properties`, `--config FILE`), on the"
                        + " command line, in signed rollouts (`PUT /api/v1/config/groups/{group}`,"
                        + " `./vigie admin config push GROUP FILE`), in the console's configuration form and by"
                        + " `./vigie hub settings` / `./vigie kiosk settings` (French; `--lang en` for English). Each"
                        + " value is checked once at start-up (or when a rollout arrives); a bad one is refused naming"
                        + " the setting and the value, and an unknown name is refused too.\n\n")
                .append("## Where a setting is set\n\n")
                .append("- **local file**: only in the machine's own settings file (or its command-line options).\n")
                .append("- **rollout or local file** (the kiosk's *fleet settings*): IT rolls them out, signed by the"
                        + " hub, to a group of kiosks; a kiosk also reads them from its own file, with the same"
                        + " defaults and bounds. **A rolled-out value overrides the local file's**: once a kiosk holds a"
                        + " signed configuration, every fleet setting comes from it (a configuration carries them all;"
                        + " those the rollout left out take the default below). An enrolled kiosk holds one from its"
                        + " enrolment on (the latest rollout to the group `default`, or the defaults), so the local"
                        + " file's fleet settings count only until then. A rollout body is a JSON object of these names, e.g."
                        + " `{\"kiosk.session.idle-lock-seconds\": 120}`; lists are JSON arrays of strings, and"
                        + " comma-separated in a properties file. Today a kiosk takes the session limits"
                        + " (`kiosk.session.*`) of the rollout in force when it starts; the other fleet settings of a"
                        + " rollout are checked and kept, and not yet acted on by the kiosk.\n\n")
                .append("### Former names\n\n")
                .append("Rollouts made before this reference used other names. The hub's API refuses them with 400"
                        + " `SETTING_RENAMED`, naming the name now; a configuration a kiosk applied, or the hub stored,"
                        + " with the former names before the upgrade still loads (converted on load).\n\n")
                .append("| former rollout name | name now |\n|---|---|\n");
        Map<String, Setting> former = new TreeMap<>(KioskFleetSettings.FORMER_NAMES);
        former.forEach((old, now) -> out.append("| `").append(old).append("` | `").append(now.key()).append("` |\n"));
        out.append("\n## Hub (`./vigie hub`, `/etc/vigie/hub.properties`)\n\n")
                .append("Each gateway to a national service is off until its main setting is set (`hub.insi.endpoint`,"
                        + " `hub.psc.discovery-url`, `hub.apcv.keys-file` or `hub.apcv.keys-url`); a setting of a gateway"
                        + " that is off is refused. Secret files must be mode 600.\n\n")
                .append(SettingsReference.markdownTable(HubSettingsCatalogue.CATALOGUE))
                .append("\n## Kiosk (`./vigie kiosk`, `/etc/vigie/kiosk.properties`)\n\n")
                .append(SettingsReference.markdownTable(KioskSettingsCatalogue.CATALOGUE));
        return out.toString();
    }
}
