package fr.vigie.hub.staff;

import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the hub knows about its IT staff: {@link #accounts()}, browser {@link #sessions()} and CLI
 * {@link #tokens()}, on one database, clock and random source. Thread-safe.
 *
 * <p>A fresh hub has no account and no default password: {@link #ensureFirstAdmin(Path)} creates the
 * account {@value #FIRST_ADMIN} with a random password that exists only in the file it writes (owner
 * read-only) and as its Argon2id hash in the database. The person who installs the hub reads it once,
 * signs in, and replaces it ({@code POST /api/v1/staff/password}).
 */
public final class StaffDirectory {
    /** Login of the account created on a fresh hub. */
    public static final String FIRST_ADMIN = "admin";
    /** File of the data directory holding the first admin's password. */
    public static final String FIRST_ADMIN_PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(StaffDirectory.class);
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom random;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final ApiTokens tokens;

    public StaffDirectory(DataSource dataSource, Clock clock, SecureRandom random) {
        this.random = random;
        this.accounts = new StaffAccounts(dataSource, clock, new PasswordHash(random));
        this.sessions = new StaffSessions(dataSource, clock, random, StaffSessions.IDLE, StaffSessions.ABSOLUTE);
        this.tokens = new ApiTokens(dataSource, clock, random);
    }

    public StaffAccounts accounts() {
        return accounts;
    }

    public StaffSessions sessions() {
        return sessions;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    /**
     * When no staff account exists, creates {@value #FIRST_ADMIN} with a random 20-character password
     * written to {@code dataDir/}{@value #FIRST_ADMIN_PASSWORD_FILE}. Does nothing otherwise.
     *
     * @return whether the account was created now
     */
    public boolean ensureFirstAdmin(Path dataDir) throws SQLException, IOException {
        if (!accounts.list().isEmpty()) {
            return false;
        }
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        Path file = dataDir.resolve(FIRST_ADMIN_PASSWORD_FILE);
        AtomicFiles.write(file, (new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            accounts.create(FIRST_ADMIN, StaffRole.ADMIN, password, "hub");
        } catch (StaffRejection e) {
            java.nio.file.Files.deleteIfExists(file); // another hub on the same database created it first
            return false;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        LOG.warn("no IT staff account existed: created '{}' (admin); its one-time password is in {}"
                + " — sign in, set a new password and delete that file", FIRST_ADMIN, file);
        return true;
    }
}
