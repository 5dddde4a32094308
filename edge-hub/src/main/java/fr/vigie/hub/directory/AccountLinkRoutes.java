package fr.vigie.hub.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.sso.LocalAccounts;
import fr.vigie.hub.staff.SignedInStaff;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * IT links card holders to the establishment's directory accounts through the REST API (admin role only, reads
 * included; the console's sign-in, {@code Origin} and CSRF rules apply as to every {@code /api/} route). Links
 * are audited ({@code SSO_ACCOUNT_LINKED}, {@code SSO_ACCOUNT_UNLINKED}, category {@code sso}).
 *
 * <pre>
 * GET    /api/v1/sso/accounts                [link]: professionals refused for want of a local account (latest
 *                                            first), then the linked ones
 * POST   /api/v1/sso/accounts                {professional, login, familyName?, givenName?} → link
 * DELETE /api/v1/sso/accounts/{professional} → 204
 * link = {professional (idNat_PS), familyName, givenName, login (absent: not linked), lastSeen, linkedBy}
 *   → 400 INVALID_LINK, 403 STAFF_ROLE_FORBIDDEN, 404 DIRECTORY_ACCOUNT_NOT_FOUND (no such login in the directory),
 *     404 ACCOUNT_LINK_NOT_FOUND, 409 ACCOUNT_ALREADY_LINKED (that login is linked to another professional),
 *     409 DIRECTORY_NOT_CONFIGURED, 409 ACCOUNT_IN_DIRECTORY (the directory already
 *     tags that professional's account with their identifier: it wins, a link would be ignored),
 *     503 DIRECTORY_UNAVAILABLE
 * </pre>
 */
public final class AccountLinkRoutes {
    static final String PATH = "/api/v1/sso/accounts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LinkJson(String professional, String familyName, String givenName, String login, String lastSeen,
            String linkedBy) {
    }

    private AccountLinkRoutes() {
    }

    /** Adds the routes; {@code accounts} empty when {@code hub.directory.*} is not configured. */
    public static void mount(Javalin app, AccountLinks links, Optional<DirectoryAccounts> accounts) {
        app.get(PATH, ctx -> {
            if (admin(ctx)) {
                ctx.json(links.list().stream().map(AccountLinkRoutes::json).toList());
            }
        });
        app.post(PATH, ctx -> {
            if (!admin(ctx)) {
                return;
            }
            IdNatPs professional;
            String login;
            String family;
            String given;
            try {
                JsonNode b = JSON.readTree(ctx.body());
                if (b == null || !b.isObject()) {
                    throw new IllegalArgumentException("the body must be a JSON object");
                }
                professional = IdNatPs.parse(text(b, "professional", true));
                login = text(b, "login", true).strip();
                if (login.isEmpty() || login.length() > 256 || login.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException("login must be a directory login (1 to 256 characters)");
                }
                family = Optional.ofNullable(text(b, "familyName", false)).orElse("");
                given = Optional.ofNullable(text(b, "givenName", false)).orElse("");
            } catch (IllegalArgumentException | IdentityException | com.fasterxml.jackson.core.JacksonException e) {
                refuse(ctx, 400, "INVALID_LINK", e instanceof com.fasterxml.jackson.core.JacksonException
                        ? "the body is not JSON" : e instanceof IdentityException
                                ? "professional must be an idNat_PS: " + e.getMessage() : e.getMessage());
                return;
            }
            if (accounts.isEmpty()) {
                refuse(ctx, 409, "DIRECTORY_NOT_CONFIGURED", "the hub has no directory (hub.directory.*)");
                return;
            }
            LdapDirectory directory = accounts.get().directory();
            try {
                Optional<LocalAccounts.LocalAccount> tagged = directory.byNationalId(professional);
                if (tagged.isPresent()) {
                    refuse(ctx, 409, "ACCOUNT_IN_DIRECTORY", "the directory already holds this professional's"
                            + " identifier on account " + tagged.get().login() + "; it wins over a link");
                    return;
                }
                if (directory.byLogin(login).isEmpty()) {
                    refuse(ctx, 404, "DIRECTORY_ACCOUNT_NOT_FOUND", "the directory has no account " + login);
                    return;
                }
            } catch (LocalAccounts.LookupFailed e) {
                refuse(ctx, 503, "DIRECTORY_UNAVAILABLE", e.getMessage());
                return;
            }
            Optional<AccountLinks.Link> holder = links.list().stream().filter(l -> l.login().filter(login::equals)
                    .isPresent() && !l.professional().equals(professional.value())).findFirst();
            if (holder.isPresent()) {
                refuse(ctx, 409, "ACCOUNT_ALREADY_LINKED", "the directory account " + login + " is already linked to"
                        + " another professional: one account is one person");
                return;
            }
            try {
                links.link(professional, family, given, login, staff(ctx));
            } catch (java.sql.SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                refuse(ctx, 409, "ACCOUNT_ALREADY_LINKED", "the directory account " + login + " is already linked to"
                        + " another professional: one account is one person");
                return;
            }
            directory.forget();
            ctx.json(links.list().stream().filter(l -> l.professional().equals(professional.value())).findFirst()
                    .map(AccountLinkRoutes::json).orElseThrow());
        });
        app.delete(PATH + "/{professional}", ctx -> {
            if (!admin(ctx)) {
                return;
            }
            IdNatPs professional;
            try {
                professional = IdNatPs.parse(ctx.pathParam("professional"));
            } catch (IdentityException e) {
                refuse(ctx, 400, "INVALID_LINK", "professional must be an idNat_PS: " + e.getMessage());
                return;
            }
            if (links.unlink(professional, staff(ctx))) {
                accounts.ifPresent(a -> a.directory().forget());
                ctx.status(204);
            } else {
                refuse(ctx, 404, "ACCOUNT_LINK_NOT_FOUND", "no link for this professional");
            }
        });
    }

    private static LinkJson json(AccountLinks.Link l) {
        return new LinkJson(l.professional(), l.familyName(), l.givenName(), l.login().orElse(null),
                l.lastSeen().map(Object::toString).orElse(null), l.linkedBy().orElse(null));
    }

    private static String text(JsonNode b, String field, boolean required) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return n.textValue();
    }

    private static boolean admin(Context ctx) {
        if (SignedInStaff.isAdmin(ctx)) {
            ctx.header("Cache-Control", "no-store");
            return true;
        }
        refuse(ctx, 403, "STAFF_ROLE_FORBIDDEN", "only an admin may link card holders to local accounts");
        return false;
    }

    private static String staff(Context ctx) {
        return SignedInStaff.login(ctx);
    }

    private static void refuse(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("error", code, "message", message));
    }
}
