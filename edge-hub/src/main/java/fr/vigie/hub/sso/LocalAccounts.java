package fr.vigie.hub.sso;

import fr.vigie.protocol.identity.IdNatPs;
import java.util.List;
import java.util.Optional;

/**
 * The establishment's local account of a professional (its directory, LDAP / Active Directory), which the ID
 * token builder asks for every token: when present, its login and groups go into the ID token
 * ({@code preferred_username}, {@code groups}). The hub wires {@link #NONE} until the directory mapping
 * ({@code hub.directory.*}) is configured; an implementation must answer quickly and never throw for a
 * professional it does not know.
 */
@FunctionalInterface
public interface LocalAccounts {
    /** No directory: no professional has a local account. */
    LocalAccounts NONE = professional -> Optional.empty();

    /** The local account of {@code professional}, if the directory maps one to that idNat_PS. */
    Optional<LocalAccount> find(IdNatPs professional) throws LookupFailed;

    /**
     * A local account.
     *
     * @param login the account's login (e.g. {@code sAMAccountName} or {@code uid})
     * @param groups the groups it belongs to, by name
     */
    record LocalAccount(String login, List<String> groups) {
        public LocalAccount {
            java.util.Objects.requireNonNull(login, "login");
            groups = List.copyOf(groups);
        }
    }

    /** The directory could not be asked (unreachable, refused the bind). */
    final class LookupFailed extends Exception {
        public LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
