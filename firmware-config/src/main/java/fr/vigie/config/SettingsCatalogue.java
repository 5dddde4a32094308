package fr.vigie.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one application (the hub, or a kiosk), in the order the reference prints them: the one
 * list their readers, the settings reference ({@code docs/SETTINGS.md}, {@code ./vigie hub settings},
 * {@code ./vigie kiosk settings}), the console's configuration form and the rollouts take their names,
 * defaults and bounds from. Immutable.
 *
 * <pre>{@code
 * SettingsCatalogue hub = SettingsCatalogue.of("hub", List.of(HubConfig.SETTINGS, InsiGatewaySettings.SETTINGS));
 * boolean known = hub.keys().contains("hub.http.port");
 * }</pre>
 */
public final class SettingsCatalogue {
    private final String name;
    private final Map<String, Setting> settings;

    private SettingsCatalogue(String name, Map<String, Setting> settings) {
        this.name = name;
        this.settings = settings;
    }

    /**
     * The catalogue {@code name} ({@code hub}, {@code kiosk}) of these groups of settings, in order.
     *
     * @throws IllegalArgumentException when a name is described twice
     */
    public static SettingsCatalogue of(String name, List<? extends Collection<Setting>> groups) {
        Map<String, Setting> all = new LinkedHashMap<>();
        for (Collection<Setting> group : groups) {
            for (Setting s : group) {
                if (all.putIfAbsent(s.key(), s) != null) {
                    throw new IllegalArgumentException("setting " + s.key() + " is described twice");
                }
            }
        }
        return new SettingsCatalogue(name, java.util.Collections.unmodifiableMap(all));
    }

    /** The application: {@code hub} or {@code kiosk}. */
    public String name() {
        return name;
    }

    /** Every setting, in reference order. */
    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    /** The settings IT may roll out to kiosks. */
    public List<Setting> fleet() {
        return settings.values().stream().filter(Setting::fleet).toList();
    }

    /** Every name. */
    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(settings.keySet());
    }

    /** The setting named {@code key}. */
    public Optional<Setting> find(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The names of a group of settings, e.g. a settings record's {@code KEYS}. */
    public static Set<String> keysOf(Collection<Setting> group) {
        List<String> keys = new ArrayList<>();
        group.forEach(s -> keys.add(s.key()));
        return Set.copyOf(keys);
    }
}
