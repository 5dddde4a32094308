package fr.vigie.hub.sandbox.insi;

import fr.vigie.hub.insi.InsiOperation;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the simulator received, as its call log keeps it for tests: when, from which
 * certificate CN, which operation, the body's fields as sent, and what it answered. The fields may
 * hold full matricules (it is a sandbox of test identities, kept in memory only): {@link #toString()}
 * shows none of them.
 *
 * @param at when the request arrived
 * @param clientCn the CN of the client certificate
 * @param operation the operation asked, or {@code null} when the request could not be read
 * @param fields the body's fields by INSi name ({@code NomNaissance}, {@code Prenom}, …); empty when
 *     the request could not be read
 * @param answered {@code 00}, {@code 01}, {@code 02}, a fault's {@code siram_NNN/code}, or the
 *     behaviour played instead ({@code HTTP_500}, …)
 */
public record SimulatorCall(Instant at, String clientCn, InsiOperation operation, Map<String, String> fields,
        String answered) {
    public SimulatorCall {
        Objects.requireNonNull(at, "at");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(answered, "answered");
    }

    /** A field as sent, if it was. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    @Override
    public String toString() {
        return "SimulatorCall[" + operation + " from " + clientCn + ": " + answered + ", fields " + fields.keySet() + "]";
    }
}
