package fr.vigie.hub.software;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * What the hub knows of a {@code .deb} file: its control fields, read from the {@code control.tar.gz} or
 * {@code control.tar.xz} member of the ar archive (format 2.0), its size and its SHA-256. Reading checks the
 * archive's shape (the {@code debian-binary} member first, a control member, a data member) and the control
 * fields an APT index needs; it never unpacks the data. Immutable.
 *
 * @param fields the control file's fields in file order (continuation lines joined with newlines)
 * @param size the file's size in bytes
 * @param sha256 the file's SHA-256, lowercase hex
 */
public record DebianPackageFile(Map<String, String> fields, long size, String sha256) {
    private static final long MAX_CONTROL_BYTES = 1 << 20;

    public DebianPackageFile {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The {@code Package} field. */
    public String name() {
        return fields.get("Package");
    }

    /** The {@code Version} field. */
    public DebianVersion version() {
        return DebianVersion.parse(fields.get("Version"));
    }

    /** The {@code Architecture} field. */
    public String architecture() {
        return fields.get("Architecture");
    }

    /**
     * Reads {@code deb}.
     *
     * @throws SoftwareRefusal {@code PACKAGE_MALFORMED} naming what is wrong
     */
    public static DebianPackageFile read(Path deb) throws IOException, SoftwareRefusal {
        Map<String, String> fields = null;
        boolean data = false;
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            ArArchiveEntry first = ar.getNextEntry();
            if (first == null || !first.getName().equals("debian-binary")
                    || !new String(ar.readNBytes(16), StandardCharsets.US_ASCII).startsWith("2.")) {
                throw malformed(deb, "it does not start with a 'debian-binary' member of format 2.x");
            }
            for (ArArchiveEntry e = ar.getNextEntry(); e != null; e = ar.getNextEntry()) {
                String name = e.getName();
                if (name.startsWith("control.tar")) {
                    fields = controlFields(deb, name, ar);
                } else if (name.startsWith("data.tar")) {
                    data = true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof SoftwareRefusalCarrier carrier) {
                throw carrier.refusal;
            }
            throw malformed(deb, "its archive cannot be read (" + e.getMessage() + ")");
        }
        if (fields == null) {
            throw malformed(deb, "it has no control member");
        }
        if (!data) {
            throw malformed(deb, "it has no data member");
        }
        for (String required : new String[] {"Package", "Version", "Architecture", "Maintainer", "Description"}) {
            if (fields.getOrDefault(required, "").isBlank()) {
                throw malformed(deb, "its control file has no '" + required + "' field");
            }
        }
        try {
            DebianVersion.parse(fields.get("Version"));
        } catch (IllegalArgumentException e) {
            throw malformed(deb, "its version is invalid: " + e.getMessage());
        }
        return new DebianPackageFile(fields, Files.size(deb), sha256(deb));
    }

    private static Map<String, String> controlFields(Path deb, String member, InputStream ar) throws IOException {
        InputStream unpacked;
        if (member.equals("control.tar.gz")) {
            unpacked = new GZIPInputStream(ar);
        } else if (member.equals("control.tar.xz")) {
            unpacked = new XZCompressorInputStream(ar);
        } else {
            throw new SoftwareRefusalCarrier(malformed(deb, "its control member '" + member
                    + "' is not compressed with gzip or xz"));
        }
        TarArchiveInputStream tar = new TarArchiveInputStream(unpacked);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
            if (name.equals("control") && e.isFile()) {
                if (e.getSize() > MAX_CONTROL_BYTES) {
                    throw new SoftwareRefusalCarrier(malformed(deb, "its control file is larger than 1 MiB"));
                }
                return parseControl(deb, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        throw new SoftwareRefusalCarrier(malformed(deb, "its control member has no 'control' file"));
    }

    /** Parses one RFC 822-style stanza: {@code Field: value}, continuation lines starting with a space or tab. */
    static Map<String, String> parseControl(Path deb, String text) throws SoftwareRefusalCarrier {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (last == null) {
                    throw new SoftwareRefusalCarrier(malformed(deb, "its control file starts with a continuation line"));
                }
                fields.put(last, fields.get(last) + "\n" + line);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new SoftwareRefusalCarrier(malformed(deb, "its control file has a line without a field name"));
            }
            last = line.substring(0, colon);
            if (fields.put(last, line.substring(colon + 1).strip()) != null) {
                throw new SoftwareRefusalCarrier(malformed(deb, "its control file has the field '" + last + "' twice"));
            }
        }
        return fields;
    }

    private static SoftwareRefusal malformed(Path deb, String why) {
        return new SoftwareRefusal(SoftwareRefusal.Code.PACKAGE_MALFORMED, deb.getFileName() + " is not a usable Debian package: "
                + why);
    }

    /** The SHA-256 of a file, lowercase hex. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Carries a refusal out of the archive reading, which only throws IOException. */
    static final class SoftwareRefusalCarrier extends IOException {
        private static final long serialVersionUID = 1L;
        final transient SoftwareRefusal refusal;

        SoftwareRefusalCarrier(SoftwareRefusal refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }
}
