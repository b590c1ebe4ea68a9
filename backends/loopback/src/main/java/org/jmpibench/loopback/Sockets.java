package org.jmpibench.loopback;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/** Socket options shared by both ends of every mesh connection. */
final class Sockets {

    private Sockets() {}

    /** No Nagle delay (a small message must leave at once) and the configured buffer sizes. */
    static void configure(SocketChannel channel, LoopbackConfig config) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (config.socketBufferBytes() > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, config.socketBufferBytes());
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.socketBufferBytes());
        }
    }
}
