package fr.vigie.protocol;

/**
 * What travels on a kiosk's {@code cmd} topic: a {@link Command}, written by {@link ProtocolCodec},
 * signed by the hub as one compact JWS (ES256, header {@code typ} {@value #JWS_TYPE}, the hub's key
 * id). Nothing outside the signature is trusted, so the envelope carries nothing else. Any other
 * message on a {@code cmd} topic is not a command. Immutable.
 *
 * <pre>
 * {"jws": "eyJhbGciOiJFUzI1NiIsInR5cCI6InZpZ2llLWNvbW1hbmQrandzIiwia2lkIjoi…", "schema": 1}
 * </pre>
 *
 * @param jws the compact JWS whose payload is the command's JSON
 * @param schema contract schema version
 */
public record SignedCommand(String jws, int schema) {
    /** The JWS {@code typ} of a signed command, so that no other object the hub signs passes for one. */
    public static final String JWS_TYPE = "vigie-command+jws";

    public SignedCommand {
        Checks.text("jws", jws, ProtocolCodec.DEFAULT_MAX_BYTES);
    }
}
