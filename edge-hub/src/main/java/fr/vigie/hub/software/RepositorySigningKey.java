package fr.vigie.hub.software;

import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * The OpenPGP key the hub signs its package repository with ({@code InRelease} and {@code Release.gpg}), so
 * that kiosks' APT accepts only what this hub published. An Ed25519 signing key, generated on the hub at first
 * start and never exported: its secret half lives in {@code <data>/software/repository-signing.key.asc},
 * encrypted (AES-256, iterated and salted S2K) under the same passphrase as the site CA; its public half is
 * written to {@code repository-signing.pub.asc} next to it, and kiosks pin it at enrolment (APT's
 * {@code Signed-By}). Thread-safe.
 *
 * <pre>{@code
 * RepositorySigningKey key = RepositorySigningKey.openOrCreate(dataDir.resolve("software"), passphrase, clock);
 * byte[] inRelease = key.clearSign(release);
 * }</pre>
 */
public final class RepositorySigningKey {
    /** The encrypted secret key's file name. */
    public static final String KEY_FILE = "repository-signing.key.asc";
    /** The public key's file name (ASCII-armoured, as APT's {@code Signed-By} reads it). */
    public static final String PUBLIC_FILE = "repository-signing.pub.asc";
    private static final int S2K_COUNT = 0xc0;

    private final PGPPublicKey publicKey;
    private final PGPPrivateKey privateKey;
    private final String publicArmoured;
    private final String fingerprint;
    private final Clock clock;

    private RepositorySigningKey(PGPSecretKeyRing ring, char[] passphrase, Clock clock) throws ProvisioningException {
        try {
            this.privateKey = ring.getSecretKey().extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
        } catch (PGPException e) {
            throw new ProvisioningException(ProvisioningError.CA_PASSPHRASE_WRONG,
                    "the repository signing key cannot be opened with the hub's passphrase", e);
        }
        this.publicKey = ring.getPublicKey();
        this.publicArmoured = armour(publicRing(ring));
        this.fingerprint = HexFormat.of().withUpperCase().formatHex(ring.getPublicKey().getFingerprint());
        this.clock = clock;
    }

    /**
     * Opens the key in {@code dir}, generating it on first start, and (re)writes its public half.
     *
     * @param userId the key's user id, e.g. {@code Vigie hub of chu-nord (package repository)}
     * @throws ProvisioningException {@code CA_PASSPHRASE_WRONG} or {@code CA_STORE_INVALID} (a damaged key file)
     */
    public static RepositorySigningKey openOrCreate(Path dir, String userId, char[] passphrase, Clock clock)
            throws IOException, ProvisioningException {
        Path file = dir.resolve(KEY_FILE);
        AtomicFiles.makePrivateDirectory(dir);
        PGPSecretKeyRing ring;
        if (Files.exists(file)) {
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
                ring = new PGPSecretKeyRing(in, new BcKeyFingerprintCalculator());
            } catch (IOException | PGPException | RuntimeException e) {
                throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, "the repository signing key " + file
                        + " cannot be read", e);
            }
        } else {
            ring = generate(userId, passphrase, Date.from(clock.instant()));
            AtomicFiles.write(file, armour(ring).getBytes(StandardCharsets.US_ASCII));
        }
        RepositorySigningKey key = new RepositorySigningKey(ring, passphrase, clock);
        AtomicFiles.write(dir.resolve(PUBLIC_FILE), key.publicArmoured.getBytes(StandardCharsets.US_ASCII));
        return key;
    }

    /** The public key, ASCII-armoured: what a kiosk writes in its APT source's {@code Signed-By}. */
    public String publicKeyArmoured() {
        return publicArmoured;
    }

    /** The key's OpenPGP v4 fingerprint, 40 uppercase hex digits. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Signs {@code text} (a {@code Release} file) as an OpenPGP cleartext signed message, the form of an
     * {@code InRelease} file: each line with its trailing blanks removed is hashed, lines joined by CR LF.
     */
    public byte[] clearSign(byte[] text) {
        String content = new String(text, StandardCharsets.UTF_8);
        if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        String[] lines = content.split("\n", -1);
        try {
            PGPSignatureGenerator signer = signer(PGPSignature.CANONICAL_TEXT_DOCUMENT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ArmoredOutputStream armoured = ArmoredOutputStream.builder().clearHeaders().build(out);
            armoured.beginClearText(HashAlgorithmTags.SHA512);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                byte[] hashed = stripTrailingBlanks(line).getBytes(StandardCharsets.UTF_8);
                signer.update(hashed);
                if (i < lines.length - 1) {
                    signer.update(new byte[] {'\r', '\n'});
                }
                if (line.startsWith("-")) {
                    armoured.write("- ".getBytes(StandardCharsets.US_ASCII));
                }
                armoured.write(line.getBytes(StandardCharsets.UTF_8));
                armoured.write('\n');
            }
            armoured.endClearText();
            signer.generate().encode(new BCPGOutputStream(armoured));
            armoured.close();
            return out.toByteArray();
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("signing in memory with a loaded key does not fail", e);
        }
    }

    /** A detached, ASCII-armoured signature of {@code data}: the form of a {@code Release.gpg} file. */
    public byte[] detachSign(byte[] data) {
        try {
            PGPSignatureGenerator signer = signer(PGPSignature.BINARY_DOCUMENT);
            signer.update(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armoured = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                signer.generate().encode(new BCPGOutputStream(armoured));
            }
            return out.toByteArray();
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("signing in memory with a loaded key does not fail", e);
        }
    }

    private PGPSignatureGenerator signer(int type) throws PGPException {
        PGPSignatureGenerator signer = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512), publicKey);
        signer.init(type, privateKey);
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(clock.instant()));
        hashed.setIssuerFingerprint(false, publicKey);
        signer.setHashedSubpackets(hashed.generate());
        return signer;
    }

    private static PGPSecretKeyRing generate(String userId, char[] passphrase, Date now)
            throws ProvisioningException {
        try {
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            PGPKeyPair pair = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), now);
            PGPSignatureSubpacketGenerator selfSigned = new PGPSignatureSubpacketGenerator();
            selfSigned.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            selfSigned.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1,
                    selfSigned.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                    new BcPBESecretKeyEncryptorBuilder(PGPEncryptedData.AES_256, sha1, S2K_COUNT).build(passphrase));
            return rings.generateSecretKeyRing();
        } catch (PGPException e) {
            throw new ProvisioningException(ProvisioningError.CA_STORE_INVALID, "the repository signing key cannot be generated", e);
        }
    }

    private static PGPPublicKeyRing publicRing(PGPSecretKeyRing ring) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ring.getPublicKeys().forEachRemaining(k -> {
                try {
                    k.encode(out);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            return new PGPPublicKeyRing(new ByteArrayInputStream(out.toByteArray()), new BcKeyFingerprintCalculator());
        } catch (IOException e) {
            throw new IllegalStateException("re-reading a key ring from memory does not fail", e);
        }
    }

    private static String armour(Object ring) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armoured = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            if (ring instanceof PGPSecretKeyRing s) {
                s.encode(armoured);
            } else {
                ((PGPPublicKeyRing) ring).encode(armoured);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String stripTrailingBlanks(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
