package fr.vigie.hub.insi;

import java.nio.charset.StandardCharsets;

/** Hand-written INSi answers, independent of the simulator's writer, for unit tests. */
final class CannedAnswers {
    static final String NIR = "290113306310159";
    static final String OLD_NIR = "290113306308773";
    static final String NIA = "285079924351219";

    private CannedAnswers() {
    }

    static byte[] envelope(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header><wsa:Action>x</wsa:Action></soap:Header>"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] code(String codeCr) {
        return envelope("<r:RESULTAT xmlns:r=\"http://www.cnamts.fr/INSiResultat\"><r:CR><r:CodeCR>" + codeCr
                + "</r:CodeCR><r:LibelleCR>x</r:LibelleCR></r:CR></r:RESULTAT>");
    }

    static byte[] one(String matricule, String oid, String history) {
        return envelope("<r:RESULTAT xmlns:r=\"http://www.cnamts.fr/INSiResultat\"><r:CR><r:CodeCR>00</r:CodeCR></r:CR>"
                + "<r:INDIVIDU><r:INSACTIF>" + ins(matricule, oid) + "</r:INSACTIF>" + history
                + "<r:TIQ><r:NomNaissance>D'ARTAGNAN DE L'HERAULT</r:NomNaissance><r:Prenom>PIERRE-ALAIN</r:Prenom>"
                + "<r:ListePrenom>PIERRE-ALAIN JEAN</r:ListePrenom><r:Sexe>M</r:Sexe>"
                + "<r:DateNaissance>1950-03-15</r:DateNaissance><r:LieuNaissance>32013</r:LieuNaissance></r:TIQ>"
                + "</r:INDIVIDU></r:RESULTAT>");
    }

    static String histo(String matricule, String oid, String from, String to) {
        return "<r:INSHISTO>" + ins(matricule, oid) + "<r:DateDeb>" + from + "</r:DateDeb><r:DateFin>" + to
                + "</r:DateFin></r:INSHISTO>";
    }

    static String ins(String matricule, String oid) {
        return "<r:IdIndividu><r:NumIdentifiant>" + matricule.substring(0, 13) + "</r:NumIdentifiant><r:Cle>"
                + matricule.substring(13) + "</r:Cle></r:IdIndividu><r:OID>" + oid + "</r:OID>";
    }

    static byte[] fault(String code, String subcode, String detail) {
        return envelope("<soap:Fault><soap:Code><soap:Value>soap:" + code + "</soap:Value><soap:Subcode><soap:Value>"
                + "siram:" + subcode + "</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">"
                + "refus</soap:Text></soap:Reason><soap:Detail><siram:Erreur xmlns:siram=\"urn:siram\" code=\"" + detail
                + "\">refus</siram:Erreur></soap:Detail></soap:Fault>");
    }

    static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>&x;</soap:Body></soap:Envelope>";

    static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return "<?xml version=\"1.0\"?><!DOCTYPE e [" + dtd + "]><e>&l10;</e>";
    }
}
