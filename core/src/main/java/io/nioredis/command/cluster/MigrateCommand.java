package io.nioredis.command.cluster;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.rdb.DumpPayload;
import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbValue;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.RdbConversion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password] [AUTH2 username password]
 * [KEYS key...], as Redis 7.0's migrateCommand: the keys' DUMP payloads go to the target as RESTORE
 * (RESTORE-ASKING in cluster mode, so an importing node takes them), pipelined after AUTH and SELECT; each
 * key the target accepted is deleted here unless COPY, and the command propagates as DEL of those keys.
 *
 * <p>Like Redis, it talks to the target over a blocking socket on the event loop, bounded by the timeout:
 * the command is for moving a slot's keys in batches, and the loop waits for each batch. The one place
 * the command layer opens a socket; there is no connection cache, so every call connects and selects.
 */
final class MigrateCommand implements Command {
    private static final byte[] COPY = token("copy");
    private static final byte[] REPLACE = token("replace");
    private static final byte[] AUTH = token("auth");
    private static final byte[] AUTH2 = token("auth2");
    private static final byte[] KEYS = token("keys");
    private static final byte[] NOKEY = token("+NOKEY\r\n");

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int argc = request.argc();
        boolean copy = false;
        boolean replace = false;
        String user = null;
        String password = null;
        int firstKey = 3;
        int keyCount = 1;
        for (int j = 6; j < argc; j++) {
            int more = argc - 1 - j;
            if (request.is(j, COPY)) {
                copy = true;
            } else if (request.is(j, REPLACE)) {
                replace = true;
            } else if (request.is(j, AUTH)) {
                if (more < 1) {
                    out.raw(Errors.SYNTAX);
                    return;
                }
                client.redactArgument(++j);
                password = request.string(j);
            } else if (request.is(j, AUTH2)) {
                if (more < 2) {
                    out.raw(Errors.SYNTAX);
                    return;
                }
                client.redactArgument(++j);
                user = request.string(j);
                client.redactArgument(++j);
                password = request.string(j);
            } else if (request.is(j, KEYS)) {
                if (request.length(3) != 0) {
                    out.raw(Errors.MIGRATE_KEYS_NEEDS_EMPTY_KEY);
                    return;
                }
                firstKey = j + 1;
                keyCount = argc - j - 1;
                break;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (!request.isLong(5) || !request.isLong(4)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long timeout = request.longValue(5);
        long db = request.longValue(4);
        if (timeout <= 0) {
            timeout = 1000;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        List<Integer> present = new ArrayList<>();
        for (int j = 0; j < keyCount; j++) {
            int arg = firstKey + j;
            if (keyspace.lookupRead(b, request.offset(arg), request.length(arg)) >= 0) {
                present.add(arg);
            }
        }
        if (present.isEmpty()) {
            out.raw(NOKEY);
            return;
        }
        String command = client.server().cluster != null ? "RESTORE-ASKING" : "RESTORE";
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        if (password != null) {
            if (user != null) {
                write(batch, "AUTH".getBytes(StandardCharsets.US_ASCII), user.getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
            } else {
                write(batch, "AUTH".getBytes(StandardCharsets.US_ASCII), password.getBytes(StandardCharsets.UTF_8));
            }
        }
        write(batch, "SELECT".getBytes(StandardCharsets.US_ASCII), ascii(db));
        List<Integer> sent = new ArrayList<>();
        long now = client.server().clock.millis();
        for (int arg : present) {
            int off = request.offset(arg);
            int len = request.length(arg);
            int slot = keyspace.peek(b, off, len);
            if (slot < 0) {
                continue;
            }
            long ttl = 0;
            long deadline = keyspace.deadline(slot);
            if (deadline >= 0) {
                ttl = deadline - now;
                if (ttl < 0) {
                    continue; // expired since the lookup: not sent, as Redis
                }
                ttl = Math.max(ttl, 1);
            }
            Object entry = keyspace.entry(slot);
            RdbValue value = RdbConversion.toRdb(entry, keyspace.stringBase(slot));
            if (value == null) {
                out.error(Errors.dumpNotSupported(entry instanceof KeyedValue ? ((KeyedValue) entry).typeName() : "?"));
                return;
            }
            byte[] key = java.util.Arrays.copyOfRange(b, off, off + len);
            byte[] payload = DumpPayload.create(value, EncodingLimits.DEFAULTS);
            byte[] restore = command.getBytes(StandardCharsets.US_ASCII);
            if (replace) {
                write(batch, restore, key, ascii(ttl), payload, "REPLACE".getBytes(StandardCharsets.US_ASCII));
            } else {
                write(batch, restore, key, ascii(ttl), payload);
            }
            sent.add(arg);
        }
        transfer(client, request, out, batch.toByteArray(), password != null, sent, (int) timeout, copy);
    }

    /**
     * Sends the batch, reads one reply line per command, deletes the keys the target restored (unless COPY)
     * and replies: +OK, the target's first error, or an IOERR when the socket failed.
     */
    private static void transfer(Client client, Request request, RespWriter out, byte[] batch, boolean auth,
                                 List<Integer> sent, int timeout, boolean copy) {
        String host = request.string(1);
        int port;
        try {
            port = Integer.parseInt(request.string(2));
        } catch (NumberFormatException e) {
            out.raw(Errors.MIGRATE_CONNECT);
            return;
        }
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), timeout);
                socket.setSoTimeout(timeout);
                socket.setTcpNoDelay(true);
            } catch (java.net.ConnectException e) {
                // Redis's non-blocking connect sees a refused connection as writable, then fails to write.
                out.raw(Errors.MIGRATE_WRITE);
                return;
            } catch (IOException e) {
                out.raw(Errors.MIGRATE_CONNECT);
                return;
            }
            try {
                socket.getOutputStream().write(batch);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                out.raw(Errors.MIGRATE_WRITE);
                return;
            }
            InputStream in = socket.getInputStream();
            String error = null;
            List<byte[]> deleted = new ArrayList<>();
            boolean socketError = false;
            try {
                String authReply = auth ? readLine(in) : null;
                String selectReply = readLine(in);
                Keyspace keyspace = client.keyspace();
                byte[] b = request.array();
                for (int arg : sent) {
                    String reply = readLine(in);
                    if (authReply != null && authReply.startsWith("-")) {
                        reply = authReply;
                    } else if (selectReply.startsWith("-")) {
                        reply = selectReply;
                    }
                    if (reply.startsWith("-")) {
                        if (error == null) {
                            error = reply.substring(1);
                        }
                    } else if (!copy) {
                        int off = request.offset(arg);
                        int len = request.length(arg);
                        if (keyspace.delete(b, off, len)) {
                            keyspace.changed(KeyspaceEvents.GENERIC, "del", b, off, len);
                        }
                        deleted.add(java.util.Arrays.copyOfRange(b, off, off + len));
                    }
                }
            } catch (IOException e) {
                socketError = true;
            }
            if (!copy && client.propagating()) {
                if (deleted.isEmpty()) {
                    client.propagateNothing();
                } else {
                    byte[][] del = new byte[deleted.size() + 1][];
                    del[0] = "DEL".getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < deleted.size(); i++) {
                        del[i + 1] = deleted.get(i);
                    }
                    client.propagateAs(del);
                }
            } else if (copy && client.propagating()) {
                client.propagateNothing();
            }
            if (error != null) {
                out.raw(Errors.migrateTargetError(error));
            } else if (socketError) {
                out.raw(Errors.MIGRATE_READ);
            } else {
                out.raw(Replies.OK);
            }
        } catch (IOException e) {
            out.raw(Errors.MIGRATE_READ); // closing failed after the work was done
        }
    }

    /** One reply line without its CRLF; a bulk or array reply is not expected from these commands. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                if (line.length() == 0) {
                    throw new SocketTimeoutException("empty reply line");
                }
                return line.toString();
            }
            line.append((char) c);
        }
    }

    private static void write(ByteArrayOutputStream out, byte[]... args) {
        out.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] arg : args) {
            out.writeBytes(("$" + arg.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(arg);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
    }

    private static byte[] ascii(long v) {
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] token(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
