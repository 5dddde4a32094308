package fr.vigie.hub.sso;

import fr.vigie.protocol.identity.IdNatPs;
import java.util.List;
import java.util.Optional;

/**
 * The establishment's local account of a professional (its directory, LDAP / Active Directory), which the ID
 * token builder asks for every token: when present, its login and groups go into the ID token
 * ({@code preferred_username}, {@code groups}). The hub wires {@link #NONE} unless the directory mapping
 * ({@code hub.directory.*}) is configured ({@link fr.vigie.hub.directory.DirectoryAccounts}); an implementation
 * must answer quickly and never throw for a professional it does not know.
 */
@FunctionalInterface
public interface LocalAccounts {
    /** No directory: no professional has a local account. */
    LocalAccounts NONE = professional -> Optional.empty();

    /** The local account of {@code professional}, if the directory maps one to that idNat_PS. */
    Optional<LocalAccount> find(IdNatPs professional) throws LookupFailed;

    /**
     * Told when {@code professional} (names as on the card or from PSC) was refused an application that
     * requires a local account, for want of one: IT sees them in the list of professionals to link.
     */
    default void missing(IdNatPs professional, String familyName, String givenName, String clientId) {
    }

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
