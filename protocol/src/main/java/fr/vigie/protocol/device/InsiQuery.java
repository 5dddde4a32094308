package fr.vigie.protocol.device;

/** Which INSi query the hub sent: the first given name, the full list of given names, or a Vitale beneficiary. */
public enum InsiQuery {
    PREMIER_PRENOM,
    FULL_LIST,
    VITALE
}
