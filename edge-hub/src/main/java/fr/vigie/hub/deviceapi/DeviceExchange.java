package fr.vigie.hub.deviceapi;

import fr.vigie.hub.http.RequestGate;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.DeviceRoute;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Serves a {@link DeviceRoute} of the contract: registers it under its method and template, reads the body
 * with the contract's {@link DeviceCodec} (a body the route does not take is refused with the route's own
 * code, e.g. {@code AGENT_PROOF_INVALID}, never a stack trace), runs the handler and answers its record with
 * the route's status and media type. A handler refuses by throwing {@link DeviceRefused}. A refusal of the
 * body names the field, never the value it held. Stateless.
 *
 * <pre>{@code
 * DeviceExchange.serve(app, AgentApi.NONCE, (ctx, request) -> {
 *     ProvenAgents.Nonce n = agents.nonce(DeviceCaller.of(ctx), request.kioskSessionId());
 *     return NonceAnswer.of(n.value(), n.expiresAt());
 * });
 * }</pre>
 */
public final class DeviceExchange {
    private static final DeviceCodec CODEC = new DeviceCodec();

    /** What a route does with its request; {@code request} is null for a route without body. */
    @FunctionalInterface
    public interface Handler<Q, A> {
        A handle(Context ctx, Q request) throws Exception;
    }

    private DeviceExchange() {
    }

    /** Adds {@code route} to {@code app}, answered by {@code handler}. */
    public static <Q, A> void serve(Javalin app, DeviceRoute<Q, A> route, Handler<Q, A> handler) {
        app.addHttpHandler(HandlerType.valueOf(route.method().name()), route.template(), ctx -> {
            Q request = route.hasBody() ? request(ctx, route) : null;
            answer(ctx, route, handler.handle(ctx, request));
        });
    }

    /** The value of the route's only path parameter in this request. */
    public static String parameter(Context ctx, DeviceRoute<?, ?> route) {
        if (route.parameters().size() != 1) {
            throw new IllegalArgumentException(route + " does not have exactly one path parameter");
        }
        return ctx.pathParam(route.parameters().get(0));
    }

    /** Answers a refusal: its status, {@code Retry-After} when it says, and the {@code Refusal} JSON. */
    public static void refuse(Context ctx, DeviceRefused e) {
        e.retryAfter().ifPresent(wait -> ctx.header("Retry-After",
                Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        RequestGate.refuse(ctx, e.refusal());
    }

    private static <Q> Q request(Context ctx, DeviceRoute<Q, ?> route) throws DeviceRefused {
        try {
            return CODEC.decodeRequest(route, ctx.bodyAsBytes());
        } catch (ProtocolException e) {
            throw new DeviceRefused(route.refusalOf(e), withoutValue(e));
        }
    }

    /**
     * The reason, without the value when a field held a wrong one: bodies may carry a matricule, a token or a
     * CSR, which never go back into an answer or a log.
     */
    private static String withoutValue(ProtocolException e) {
        if (e.error() == ProtocolError.INVALID_FIELD && e.field().isPresent()) {
            return "field '" + e.field().get() + "' does not hold a value of the kind the contract allows";
        }
        return e.getMessage();
    }

    private static <A> void answer(Context ctx, DeviceRoute<?, A> route, A answer) {
        ctx.status(route.status(answer));
        switch (route.media()) {
            case JSON -> ctx.contentType(route.media().contentType()).result(CODEC.encode(answer));
            case PEM -> ctx.contentType(route.media().contentType()).result((String) answer);
            case NONE -> ctx.result("");
            default -> throw new IllegalStateException("unknown media " + route.media());
        }
    }
}
