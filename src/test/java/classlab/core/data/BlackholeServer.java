package classlab.core.data;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 (random port) that accepts every connection and never answers, like a
 * captive portal or a stuck proxy. Connections are held open until {@link #close()}.
 */
public final class BlackholeServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public BlackholeServer() throws IOException {
        Thread acceptor = new Thread(() -> {
            try {
                while (true) held.add(socket.accept());
            } catch (IOException closed) {
                // close() ends the loop
            }
        }, "blackhole-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public int connections() { return held.size(); }

    public int port() { return socket.getLocalPort(); }

    @Override public void close() throws IOException {
        socket.close();
        for (Socket s : held) s.close();
    }
}
