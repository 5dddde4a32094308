package fr.vigie.protocol.device;

/**
 * The body of {@link CibaApi#EXERCICE}: the index (from 0) of the exercice chosen, in PSC's order; an index
 * PSC did not list is refused {@link CibaError#PSC_EXERCICE_UNKNOWN}. Immutable.
 */
public record ExerciceChoice(int index) {
}
