package fr.vigie.hub.web;

import fr.vigie.config.ConfigException;
import fr.vigie.config.KioskFleetSettings;
import fr.vigie.config.Setting;
import fr.vigie.config.SettingProblem;
import java.util.List;
import java.util.Optional;

/**
 * The 400 answer to a rollout whose settings were refused: a stable code, the setting at fault and, under
 * {@code setting}, what was wrong with it and the bounds it has, so that the console can say it in the user's
 * language ("Réglage inconnu : …"). A former name ({@code idleLockSeconds}) answers {@code SETTING_RENAMED} with
 * the name now in {@code replacement}.
 *
 * <pre>
 * {"error": "SETTING_INVALID", "parameter": "kiosk.session.idle-lock-seconds", "message": "…",
 *  "setting": {"kind": "OUT_OF_RANGE", "key": "kiosk.session.idle-lock-seconds", "value": "5", "min": 15, "max": 3600}}
 * </pre>
 *
 * @param error {@code SETTING_UNKNOWN}, {@code SETTING_RENAMED}, {@code SETTING_INVALID}, or {@code CONFIG_CONTENT_INVALID}
 *     when no one setting is at fault (not JSON, not an object)
 * @param parameter the setting's name as given, or null
 * @param message in English, for logs and scripts
 * @param setting the details, or null
 */
record SettingRefusal(String error, String parameter, String message, Detail setting) {
    /**
     * @param kind {@link SettingProblem.Kind}
     * @param replacement for a former name, its name now
     * @param min lowest value of a number, or null
     * @param max highest value of a number, or null
     * @param choices allowed values, or empty
     */
    record Detail(String kind, String key, String value, String replacement, Long min, Long max, List<String> choices) {
    }

    static SettingRefusal of(ConfigException e) {
        Optional<SettingProblem> p = e.problem();
        if (p.isEmpty()) {
            return new SettingRefusal(e.error().name(), null, e.getMessage(), null);
        }
        SettingProblem problem = p.get();
        Optional<Setting> s = KioskFleetSettings.ALL.stream().filter(x -> x.key().equals(problem.key())).findFirst();
        String code = switch (problem.kind()) {
            case UNKNOWN -> "SETTING_UNKNOWN";
            case RENAMED -> "SETTING_RENAMED";
            default -> "SETTING_INVALID";
        };
        return new SettingRefusal(code, problem.key(), e.getMessage(), new Detail(problem.kind().name(), problem.key(),
                problem.value(), problem.replacement().orElse(null), s.flatMap(Setting::min).orElse(null),
                s.flatMap(Setting::max).orElse(null), s.map(Setting::choices).orElse(List.of())));
    }
}
