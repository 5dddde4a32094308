package fr.vigie.kiosk.station;

import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.protocol.net.BusyPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Which port each kiosk's touch UI takes when several kiosks share a machine (the virtual fleet): kiosk
 * {@code i} (from 0) gets {@code kiosk.ui.port + i}, or any free port when that is 0; and those ports as
 * {@link BusyPort} listeners, so {@code KioskMain} can say in one line which one another program holds.
 * Stateless.
 */
public final class UiPorts {
    private UiPorts() {
    }

    /** The station configuration of kiosk {@code index} of those sharing this machine. */
    public static StationConfig forKiosk(StationConfig config, int index) {
        return config.uiPort() == 0 ? config : config.withUiPort(config.uiPort() + index);
    }

    /** The UI ports of {@code stations}, in kiosk order, on 127.0.0.1 where the UI listens. */
    public static List<BusyPort.Listener> listeners(List<StationConfig> stations) {
        List<BusyPort.Listener> out = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            out.add(new BusyPort.Listener("127.0.0.1", forKiosk(stations.get(i), i).uiPort(),
                    StationConfig.UI_PORT + " (--ui-port" + (i > 0 ? "; kiosk " + (i + 1) + " of --virtual listens on it + " + i : "")
                            + ")"));
        }
        return List.copyOf(out);
    }
}
