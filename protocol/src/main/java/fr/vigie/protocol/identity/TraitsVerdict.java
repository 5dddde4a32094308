package fr.vigie.protocol.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of {@link StrictTraits#check(TraitsInput, java.time.LocalDate)}: for every trait, the
 * normalised value and what normalisation changed, or why it was rejected; and, when nothing was
 * rejected, the {@link StrictTraits}. A UI shows the changes for confirmation and the rejections for
 * correction. Immutable; {@link #toString()} shows codes and changes, not values.
 *
 * <pre>{@code
 * TraitsVerdict v = StrictTraits.check(input, LocalDate.now(clock));
 * if (v.accepted()) {
 *     StrictTraits t = v.orThrow();
 * } else {
 *     v.rejections().forEach(r -> screen.flag(r.trait(), r.reason()));
 * }
 * }</pre>
 */
public final class TraitsVerdict {

    /**
     * The verdict on one trait.
     *
     * @param trait which trait
     * @param value the normalised text form, or {@code null} when the trait is absent or rejected
     * @param changes what normalisation changed, empty when the input was already clean
     * @param rejections why the trait was rejected, empty when it was accepted
     */
    public record FieldVerdict(Trait trait, String value, Set<TraitChange> changes, List<Rejection> rejections) {
        public FieldVerdict {
            Objects.requireNonNull(trait, "trait");
            changes = changes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(changes));
            rejections = List.copyOf(rejections);
        }

        public boolean accepted() {
            return rejections.isEmpty();
        }

        /** The normalised value, empty when the trait is absent or rejected. */
        public Optional<String> normalised() {
            return Optional.ofNullable(value);
        }

        @Override
        public String toString() {
            return trait.label() + (accepted() ? " ok" + (changes.isEmpty() ? "" : " " + changes)
                    : " " + rejections.stream().map(r -> r.error().name()).collect(Collectors.toList()));
        }
    }

    /**
     * One reason a trait was rejected.
     *
     * @param trait the trait
     * @param error stable code
     * @param reason what is wrong, for the person who entered it
     */
    public record Rejection(Trait trait, IdentityError error, String reason) {
        @Override
        public String toString() {
            return trait.label() + ": " + reason;
        }
    }

    private final Map<Trait, FieldVerdict> fields;
    private final StrictTraits traits;

    TraitsVerdict(Map<Trait, FieldVerdict> fields, StrictTraits traits) {
        this.fields = Collections.unmodifiableMap(new EnumMap<>(fields));
        this.traits = traits;
    }

    /** Whether every trait was accepted. */
    public boolean accepted() {
        return traits != null;
    }

    /** The verdict on one trait. */
    public FieldVerdict field(Trait trait) {
        return fields.get(trait);
    }

    /** The verdicts on all seven traits, in {@link Trait} order. */
    public List<FieldVerdict> fields() {
        return List.copyOf(fields.values());
    }

    /** Every rejection, in {@link Trait} order; empty when accepted. */
    public List<Rejection> rejections() {
        List<Rejection> all = new ArrayList<>();
        fields.values().forEach(f -> all.addAll(f.rejections()));
        return all;
    }

    /** Whether normalisation changed any accepted trait, so that the person should confirm the result. */
    public boolean changedAnything() {
        return fields.values().stream().anyMatch(f -> !f.changes().isEmpty());
    }

    /** The checked traits, when accepted. */
    public Optional<StrictTraits> traits() {
        return Optional.ofNullable(traits);
    }

    /**
     * The checked traits.
     *
     * @throws IdentityException carrying the first rejection's code and every reason
     */
    public StrictTraits orThrow() throws IdentityException {
        if (traits != null) {
            return traits;
        }
        List<Rejection> all = rejections();
        throw new IdentityException(all.get(0).error(),
                all.stream().map(Rejection::toString).collect(Collectors.joining("; ")));
    }

    @Override
    public String toString() {
        return "TraitsVerdict" + fields.values();
    }
}
