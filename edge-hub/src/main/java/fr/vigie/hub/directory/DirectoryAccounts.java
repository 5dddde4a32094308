package fr.vigie.hub.directory;

import fr.vigie.hub.sso.LocalAccounts;
import fr.vigie.protocol.identity.IdNatPs;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local accounts of the hub's directory ({@code hub.directory.*}). A professional's account is the one whose
 * identifier attribute holds their idNat_PS; failing that, the account IT linked to them ({@link AccountLinks}),
 * read again from the directory (it must still exist; its groups are the directory's). <b>The directory's
 * attribute wins</b> when both exist: the establishment's directory is its source of truth, a link is only the
 * fallback for accounts the directory does not yet tag; a link the attribute overrides is logged and shown as
 * such by the link API. Thread-safe.
 */
public final class DirectoryAccounts implements LocalAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAccounts.class);
    private final LdapDirectory directory;
    private final AccountLinks links;

    public DirectoryAccounts(LdapDirectory directory, AccountLinks links) {
        this.directory = directory;
        this.links = links;
    }

    /** The directory. */
    public LdapDirectory directory() {
        return directory;
    }

    /** IT's links. */
    public AccountLinks links() {
        return links;
    }

    @Override
    public Optional<LocalAccount> find(IdNatPs professional) throws LookupFailed {
        Optional<LocalAccount> tagged = directory.byNationalId(professional);
        Optional<String> linked;
        try {
            linked = links.login(professional);
        } catch (SQLException e) {
            if (tagged.isPresent()) {
                return tagged;
            }
            throw new LookupFailed("the hub database did not answer for the account links: " + e.getMessage(), e);
        }
        if (tagged.isPresent()) {
            if (linked.isPresent() && !linked.get().equals(tagged.get().login())) {
                LOG.warn("the directory tags account {} with idNat_PS {}, which IT linked to {}: the directory wins",
                        tagged.get().login(), professional, linked.get());
            }
            return tagged;
        }
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalAccount> account = directory.byLogin(linked.get());
        if (account.isEmpty()) {
            LOG.warn("IT linked idNat_PS {} to account {}, which the directory no longer holds", professional,
                    linked.get());
        }
        return account;
    }

    @Override
    public void missing(IdNatPs professional, String familyName, String givenName, String clientId) {
        try {
            links.seenWithoutAccount(professional, familyName, givenName, clientId);
        } catch (SQLException e) {
            LOG.warn("a sign-in without local account could not be recorded: {}", e.getMessage());
        }
    }
}
