package fr.vigie.hub.sandbox.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.protocol.identity.IdNatPs;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's test professionals, read once from a JSON data file (by default the classpath
 * resource {@code sandbox/psc-professionals.json}) and checked there: every idNat_PS must parse
 * (RPPS Luhn key included). Immutable and thread-safe.
 */
public final class SandboxProfessionals {
    /** The bundled data file. */
    public static final String RESOURCE = "sandbox/psc-professionals.json";
    private final Map<String, SandboxProfessional> byIdNat = new LinkedHashMap<>();

    private SandboxProfessionals(List<SandboxProfessional> all) {
        all.forEach(p -> byIdNat.put(p.idNatPs().value(), p));
    }

    /** The bundled professionals: a doctor, a nurse and an admission agent, two exercices each. */
    public static SandboxProfessionals bundled() {
        try (InputStream in = SandboxProfessionals.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static SandboxProfessionals read(JsonNode doc) {
        List<SandboxProfessional> all = new ArrayList<>();
        for (JsonNode n : doc.path("professionals")) {
            try {
                all.add(SandboxProfessional.of(n));
            } catch (Exception e) {
                throw new IllegalArgumentException(RESOURCE + ": professional " + n.path("idNatPs")
                        + " is invalid: " + e, e);
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": no professionals");
        }
        return new SandboxProfessionals(all);
    }

    public Optional<SandboxProfessional> find(String idNatPs) {
        return Optional.ofNullable(byIdNat.get(idNatPs));
    }

    public Optional<SandboxProfessional> find(IdNatPs idNatPs) {
        return find(idNatPs.value());
    }

    /** The first one with that role label ({@code doctor}, {@code nurse}, {@code admission agent}). */
    public SandboxProfessional byRole(String role) {
        return byIdNat.values().stream().filter(p -> p.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sandbox professional with role " + role));
    }

    public List<SandboxProfessional> all() {
        return List.copyOf(byIdNat.values());
    }
}
