package io.nioredis.command;

import io.nioredis.client.ClientLink;

import java.nio.charset.StandardCharsets;

/** A ClientLink that keeps what was pushed to it, for pub/sub tests without sockets. */
public class RecordingLink implements ClientLink {
    final StringBuilder pushed = new StringBuilder();
    public boolean killed;
    /** Whether the server asked for Nagle's algorithm on this link (repl-disable-tcp-nodelay). */
    public boolean coalescing;

    @Override
    public String address() {
        return "127.0.0.1:50000";
    }

    @Override
    public String localAddress() {
        return "127.0.0.1:6379";
    }

    @Override
    public int fd() {
        return 8;
    }

    @Override
    public long queryBufferBytes() {
        return 0;
    }

    @Override
    public long outputBufferBytes() {
        return 0;
    }

    @Override
    public String events() {
        return "r";
    }

    @Override
    public void push(byte[] frame) {
        pushed.append(new String(frame, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void coalesceWrites() {
        coalescing = true;
    }

    @Override
    public void kill() {
        killed = true;
    }

    public String take() {
        String s = pushed.toString();
        pushed.setLength(0);
        return s;
    }
}
