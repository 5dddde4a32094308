package fr.vigie.kiosk.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A call to the hub's device API that did not succeed: the hub refused it (an HTTP status and the
 * hub's stable code, e.g. 403 {@code CERT_REVOKED}), or the hub could not be reached or answered
 * something unreadable (status 0, code {@link #UNREACHABLE} or {@link #MALFORMED_ANSWER}). Immutable.
 */
public final class HubApiException extends Exception {
    private static final long serialVersionUID = 1L;
    /** The hub could not be reached (connection, TLS or timeout). */
    public static final String UNREACHABLE = "HUB_UNREACHABLE";
    /** The hub's answer is not the JSON expected. */
    public static final String MALFORMED_ANSWER = "HUB_ANSWER_MALFORMED";

    private final int status;
    private final String code;
    private final transient JsonNode answer;

    public HubApiException(int status, String code, String message, Throwable cause) {
        this(status, code, message, cause, null);
    }

    /** A refusal whose JSON {@code answer} carries more than the code and message (e.g. both identities compared). */
    public HubApiException(int status, String code, String message, Throwable cause, JsonNode answer) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.answer = answer;
    }

    /** The HTTP status, or 0 when there was no usable answer. */
    public int status() {
        return status;
    }

    /** The stable code, from the hub's answer or {@link #UNREACHABLE} / {@link #MALFORMED_ANSWER}. */
    public String code() {
        return code;
    }

    /** The hub's whole JSON refusal, when it answered one; empty otherwise. */
    public Optional<JsonNode> answer() {
        return Optional.ofNullable(answer);
    }

    /** Whether the hub answered and refused (as opposed to not being reached). */
    public boolean refused() {
        return status >= 400;
    }

    @Override
    public String toString() {
        return "HubApiException[" + (status == 0 ? "" : status + " ") + code + ": " + getMessage() + "]";
    }
}
