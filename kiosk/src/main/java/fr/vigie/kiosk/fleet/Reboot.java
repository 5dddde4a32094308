package fr.vigie.kiosk.fleet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code reboot} command does. On a Raspberry Pi the kiosk's service would run
 * {@code systemctl reboot}; virtual kiosks and the sandbox use {@link #simulated()}, which only says
 * what it would do, so that a demo hub cannot reboot the machine it runs on.
 */
public interface Reboot {
    /** The sentence the reply carries, said before {@link #perform()} runs. */
    String plan();

    /** Reboots (after the reply has been sent). */
    void perform();

    /** The simulated reboot of virtual kiosks. */
    static Reboot simulated() {
        Logger log = LoggerFactory.getLogger(Reboot.class);
        return new Reboot() {
            @Override
            public String plan() {
                return "simulated reboot: on a Raspberry Pi the kiosk would now run 'systemctl reboot' and come back"
                        + " with its outbox and configuration";
            }

            @Override
            public void perform() {
                log.info("reboot requested by the hub: simulated, the virtual kiosk keeps running");
            }
        };
    }
}
