package fr.vigie.hub.gam;

/**
 * The IHE PAM events (transaction ITI-30, Patient Identity Feed) the hub sends to the GAM, with the HL7 v2.5
 * message structure of each.
 */
public enum PamEvent {
    /** A record was created: "add person information". */
    A28("ADT_A05"),
    /** A record changed (traits, RNIV status, attributes, INS appearing or going): "update person information". */
    A31("ADT_A05"),
    /** The identity-vigilance cell merged a duplicate into the record kept: "merge patient – patient identifier list". */
    A40("ADT_A39"),
    /** The active INS of a qualified record changed (INSi history): "change patient identifier list". */
    A47("ADT_A30");

    private final String structure;

    PamEvent(String structure) {
        this.structure = structure;
    }

    /** MSH-9.3, e.g. {@code ADT_A05}. */
    public String structure() {
        return structure;
    }
}
