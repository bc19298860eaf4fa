package classlab.core.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 (random port) serving byte arrays by path, for download tests. It can
 * honour or ignore {@code Range} headers and can drop the connection mid-body on chosen requests.
 */
final class LoopbackServer implements AutoCloseable {
    /** One request as the server saw it. */
    record Request(String path, String range) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean honourRange = true;
    /** Requests (1-based, counted over all paths) on which only half the body is sent before the connection drops. */
    private final List<Integer> dropOnRequests = new CopyOnWriteArrayList<>();
    /** Requests on which half the body is sent, then nothing more until the server is closed. */
    private final List<Integer> stallOnRequests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // A thread per exchange, so that a stalling request does not hold up the client's retry.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    LoopbackServer serve(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    LoopbackServer honourRange(boolean honour) {
        honourRange = honour;
        return this;
    }

    LoopbackServer dropOnRequest(int requestNumber) {
        dropOnRequests.add(requestNumber);
        return this;
    }

    LoopbackServer stallOnRequest(int requestNumber) {
        stallOnRequests.add(requestNumber);
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A loopback URL on a port where nothing listens (bound, then released), so connections are refused. */
    static URI closedPortUrl(String path) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        int requestNumber = requests.size();
        byte[] content = files.get(path);
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int start = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (honourRange && m != null && m.matches()) {
            start = Integer.parseInt(m.group(1));
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - start);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        OutputStream body = exchange.getResponseBody();
        if (dropOnRequests.contains(requestNumber)) {
            body.write(content, start, (content.length - start) / 2);
            body.flush();
            pauseSoTheClientReadsWhatWasSent();
            // Throwing out of the handler makes the JDK server close the connection with the body incomplete.
            throw new IOException("simulated connection drop");
        }
        if (stallOnRequests.contains(requestNumber)) {
            body.write(content, start, (content.length - start) / 2);
            body.flush();
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("server closed while stalling");
        }
        body.write(content, start, content.length - start);
        body.close();
    }

    /**
     * The client may discard bytes still in flight when the connection breaks, so how much of the half
     * it keeps is not exact; a short pause lets it consume most of them first.
     */
    private static void pauseSoTheClientReadsWhatWasSent() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
