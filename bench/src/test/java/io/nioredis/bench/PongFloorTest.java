package io.nioredis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PongFloorTest {
    private ServerSocketChannel listener;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    @BeforeEach
    void start() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread loop = new Thread(() -> {
            try {
                PongFloor.serve(listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        loop.setDaemon(true);
        loop.start();
        socket = new Socket("127.0.0.1", listener.socket().getLocalPort());
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        listener.close();
    }

    @Test
    void answersPingAsARespArray() throws IOException {
        send("*1\r\n$4\r\nPING\r\n");
        assertThat(read(7)).isEqualTo("+PONG\r\n");
    }

    @Test
    void answersInlinePingInAnyCase() throws IOException {
        send("PING\r\nping\r\n");
        assertThat(read(14)).isEqualTo("+PONG\r\n+PONG\r\n");
    }

    @Test
    void answersAPingThatArrivesInPieces() throws IOException {
        send("*1\r\n$4\r\nPI");
        send("NG\r\n*1\r\n$4\r\nping\r\n");
        assertThat(read(14)).isEqualTo("+PONG\r\n+PONG\r\n");
    }

    @Test
    void closesTheConnectionOnAnythingElse() throws IOException {
        send("PING\r\nGET x\r\n");
        assertThat(read(7)).isEqualTo("+PONG\r\n");
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void theTrainingRunPingsItselfAndReturns() throws IOException {
        PongFloor.main(new String[] {"--train"});
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String read(int length) throws IOException {
        return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
