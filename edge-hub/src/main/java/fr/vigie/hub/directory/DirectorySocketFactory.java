package fr.vigie.hub.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS socket factory JNDI uses for {@code ldaps://} ({@code java.naming.ldap.factory.socket}): JNDI names a
 * class and calls its static {@code getDefault()} on the thread that opens the connection, so
 * {@link LdapDirectory} sets the factory of its trust anchors for that thread around each connection. JNDI then
 * checks the server's name against its certificate (LDAPS endpoint identification). Not for other use.
 */
public final class DirectorySocketFactory extends SocketFactory {
    private static final ThreadLocal<SSLSocketFactory> CURRENT = new ThreadLocal<>();
    private final SSLSocketFactory tls;

    private DirectorySocketFactory(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /** Called by JNDI: the factory set for this thread. */
    public static SocketFactory getDefault() {
        SSLSocketFactory tls = CURRENT.get();
        if (tls == null) {
            throw new IllegalStateException("no directory TLS context set for this thread");
        }
        return new DirectorySocketFactory(tls);
    }

    static void set(SSLSocketFactory tls) {
        CURRENT.set(tls);
    }

    static void clear() {
        CURRENT.remove();
    }

    @Override
    public Socket createSocket() throws IOException {
        return tls.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tls.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return tls.createSocket(address, port, localAddress, localPort);
    }
}
