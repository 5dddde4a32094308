package fr.vigie.hub.agent;

import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.protocol.device.AgentApi;
import fr.vigie.protocol.device.AgentBindingAnswer;
import fr.vigie.protocol.device.NonceAnswer;
import java.util.Objects;
import io.javalin.Javalin;

/**
 * The agent-proof routes on the device API ({@link AgentApi} gives the paths, bodies and codes); the kiosk
 * is the one its certificate proves, and only an admission desk may prove an agent. Bodies are read by the
 * contract's codec (anything else refused {@code AGENT_PROOF_INVALID}); the certificates are parsed here.
 * Thread-safe.
 */
public final class AgentDeviceRoutes implements DeviceRoutes {
    private final ProvenAgents agents;

    public AgentDeviceRoutes(ProvenAgents agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    @Override
    public void mount(Javalin app) {
        DeviceExchange.serve(app, AgentApi.NONCE, (ctx, request) -> {
            ProvenAgents.Nonce n = agents.nonce(DeviceCaller.of(ctx), request.kioskSessionId());
            return NonceAnswer.of(n.value(), n.expiresAt());
        });
        DeviceExchange.serve(app, AgentApi.PROOF, (ctx, request) -> answer(agents.proveWithCard(DeviceCaller.of(ctx),
                CardProof.of(request))));
        DeviceExchange.serve(app, AgentApi.PSC_PROOF, (ctx, request) -> answer(agents.proveThroughPsc(
                DeviceCaller.of(ctx), request.kioskSessionId(), request.cibaRequestId())));
        DeviceExchange.serve(app, AgentApi.END, (ctx, request) -> {
            agents.end(DeviceCaller.of(ctx), request.kioskSessionId(), request.reason());
            return null;
        });
    }

    private static AgentBindingAnswer answer(AgentBinding b) {
        return new AgentBindingAnswer(b.agent().value(), b.method(), b.kioskSessionId(), b.expiresAt());
    }
}
