package fr.vigie.hub.deviceapi;

import io.javalin.Javalin;

/**
 * A hub feature's routes on the device API, the HTTPS listener kiosks call. Each serves routes of the
 * contract ({@link fr.vigie.protocol.device.DeviceRoute}) with {@link DeviceExchange}. Paths under
 * {@code /device/v1/} are reached only by a kiosk with a valid, unrevoked certificate of this site,
 * and handlers learn which kiosk calls with {@link DeviceCaller#of}; paths under {@code /enrol/v1/}
 * need no client certificate. Implementations are registered in {@code EdgeHub}.
 *
 * <pre>{@code
 * final class AgentDeviceRoutes implements DeviceRoutes {
 *     public void mount(Javalin app) {
 *         DeviceExchange.serve(app, AgentApi.NONCE, (ctx, request) -> {
 *             KioskAddress kiosk = DeviceCaller.of(ctx);   // the kiosk can only act as itself
 *             ...
 *         });
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DeviceRoutes {
    /** Adds this feature's routes; called once, before the listener starts. */
    void mount(Javalin app);
}
