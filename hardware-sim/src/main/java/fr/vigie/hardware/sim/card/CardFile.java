package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.apdu.Tlv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A node of a virtual card's ISO 7816-4 file system: a DF (maybe with an AID) or a transparent EF. */
final class CardFile {
    final int fid;
    final byte[] aid;
    final boolean dedicated;
    final CardFile parent;
    private final List<CardFile> children = new ArrayList<>();
    private byte[] content;
    private int sfi = -1;

    private CardFile(CardFile parent, int fid, byte[] aid, boolean dedicated, byte[] content) {
        this.parent = parent;
        this.fid = fid;
        this.aid = aid;
        this.dedicated = dedicated;
        this.content = content;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    static CardFile masterFile() {
        return new CardFile(null, 0x3F00, null, true, null);
    }

    CardFile dedicatedFile(int childFid, byte[] childAid) {
        return new CardFile(this, childFid, childAid == null ? null : childAid.clone(), true, null);
    }

    CardFile elementaryFile(int childFid, byte[] data) {
        return new CardFile(this, childFid, null, false, data.clone());
    }

    /** Gives this EF a short file identifier (1..30) for READ BINARY with P1 = 80 | SFI. */
    CardFile sfi(int shortId) {
        this.sfi = shortId;
        return this;
    }

    Optional<CardFile> childBySfi(int shortId) {
        return children.stream().filter(c -> !c.dedicated && c.sfi == shortId).findFirst();
    }

    byte[] content() {
        return content;
    }

    void content(byte[] data) {
        this.content = data.clone();
    }

    Optional<CardFile> child(int childFid) {
        return children.stream().filter(c -> c.fid == childFid).findFirst();
    }

    /** Depth-first search for a DF by name; the MF's whole tree is searched, as cards do. */
    Optional<CardFile> findByAid(byte[] name) {
        if (aid != null && Arrays.equals(aid, name)) {
            return Optional.of(this);
        }
        for (CardFile c : children) {
            Optional<CardFile> found = c.dedicated ? c.findByAid(name) : Optional.empty();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** @return the FCP template (tag 62) announced when this file is selected */
    byte[] fcp() {
        List<Tlv> items = new ArrayList<>();
        if (!dedicated) {
            items.add(Tlv.of(0x80, new byte[] {(byte) (content.length >> 8), (byte) content.length}));
            items.add(Tlv.of(0x82, new byte[] {0x01, 0x21})); // transparent working EF
        } else {
            items.add(Tlv.of(0x82, new byte[] {0x38})); // DF
        }
        items.add(Tlv.of(0x83, new byte[] {(byte) (fid >> 8), (byte) fid}));
        if (aid != null) {
            items.add(Tlv.of(0x84, aid));
        }
        items.add(Tlv.of(0x8A, new byte[] {0x05})); // life cycle: operational, activated
        // IAS-ECC compact access rules (8C): EF read always, update never; DF create never
        items.add(Tlv.of(0x8C, dedicated ? new byte[] {0x03, (byte) 0xFF, (byte) 0xFF} : new byte[] {0x03, (byte) 0xFF, 0x00}));
        return Tlv.constructed(0x62, items.toArray(Tlv[]::new)).encode();
    }
}
