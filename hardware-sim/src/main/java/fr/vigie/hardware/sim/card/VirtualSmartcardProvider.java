package fr.vigie.hardware.sim.card;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.InvalidParameterException;
import java.util.List;
import java.util.Map;

/**
 * The {@link Provider} behind {@link VirtualReaders#terminalFactory()}: one {@code TerminalFactory}
 * type, {@value #TYPE}, whose parameter is the {@link VirtualReaders} to expose. It is not
 * registered globally; {@link VirtualReaders} passes it explicitly. Immutable.
 */
public final class VirtualSmartcardProvider extends Provider {
    private static final long serialVersionUID = 1L;
    /** The TerminalFactory type name. */
    public static final String TYPE = "VigieVirtual";
    /** The single instance. */
    public static final VirtualSmartcardProvider INSTANCE = new VirtualSmartcardProvider();

    private VirtualSmartcardProvider() {
        super("VigieVirtualCards", "1.0", "Vigie in-process virtual card readers");
        putService(new Service(this, "TerminalFactory", TYPE, VirtualTerminalFactorySpi.class.getName(),
                List.of(), Map.of()) {
            @Override
            public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                if (!(parameter instanceof VirtualReaders readers)) {
                    throw new InvalidParameterException("the parameter must be a VirtualReaders");
                }
                return new VirtualTerminalFactorySpi(readers);
            }
        });
    }
}
