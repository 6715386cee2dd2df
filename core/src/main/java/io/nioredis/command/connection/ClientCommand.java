package io.nioredis.command.connection;

import io.nioredis.command.BlockedCall;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import static io.nioredis.command.CommandFlags.*;
import io.nioredis.client.Client;
import io.nioredis.client.ClientSettings;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Verbatim;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CLIENT ID | SETNAME | GETNAME | LIST | INFO | KILL | UNBLOCK | REPLY | SETINFO | NO-EVICT | NO-TOUCH, as Redis's
 * clientCommand. SETINFO is Redis 7.2's, accepted because current Jedis and Lettuce send it on connect.
 */
final class ClientCommand {
    private static final byte[] ON = {'o', 'n'};
    private static final byte[] OFF = {'o', 'f', 'f'};
    private static final byte[] SKIP = {'s', 'k', 'i', 'p'};
    private static final byte[] YES = {'y', 'e', 's'};
    private static final byte[] NO = {'n', 'o'};

    private ClientCommand() {}

    static CommandSpec create() {
        return Group.CONNECTION.command("client", -2, 0)
                // NOTE acl differs: {'slow'} vs {'slow', 'connection'}
                .since("2.4.0")
                .complexity("Depends on subcommand.")
                .summary("A container for client connection commands")
                .subcommand(Group.CONNECTION.command("id", 2, NOSCRIPT | LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Returns the client ID for the current connection")
                        .runs((c, r, out) -> out.integer(c.id())))
                .subcommand(Group.CONNECTION.command("setname", 3, NOSCRIPT | LOADING | STALE)
                        .since("2.6.9")
                        .complexity("O(1)")
                        .summary("Set the current connection name")
                        .args("connection-name")
                        .runs(ClientCommand::setName))
                .subcommand(Group.CONNECTION.command("getname", 2, NOSCRIPT | LOADING | STALE)
                        .since("2.6.9")
                        .complexity("O(1)")
                        .summary("Get the current connection name")
                        .runs(ClientCommand::getName))
                .subcommand(Group.CONNECTION.command("list", -2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.4.0")
                        .complexity("O(N) where N is the number of client connections")
                        .summary("Get the list of client connections")
                        .args("TYPE:[NORMAL|MASTER|REPLICA|PUBSUB] ID:[client-id#integer...]")
                        .runs(ClientCommand::list))
                .subcommand(Group.CONNECTION.command("info", 2, NOSCRIPT | LOADING | STALE)
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("Returns information about the current client connection.")
                        .runs((c, r, out) -> Verbatim.text(out, ClientInfo.line(c))))
                .subcommand(Group.CONNECTION.command("kill", -3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.4.0")
                        .complexity("O(N) where N is the number of client connections")
                        .summary("Kill the connection of a client")
                        .args("filter=(ip:port|new-format=([ID:client-id#integer]|TYPE:[NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER:username]|[ADDR:ip:port]|[LADDR:ip:port]|[SKIPME:yes/no])...)")
                        .runs(ClientCommand::kill))
                .subcommand(Group.CONNECTION.command("unblock", -3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(log N) where N is the number of client connections")
                        .summary("Unblock a client blocked in a blocking command from a different connection")
                        .args("client-id#integer timeout_error=[TIMEOUT|ERROR]")
                        .runs(ClientCommand::unblock))
                .subcommand(Group.CONNECTION.command("reply", 3, NOSCRIPT | LOADING | STALE)
                        .since("3.2.0")
                        .complexity("O(1)")
                        .summary("Instruct the server whether to reply to commands")
                        .args("on_off_skip=(ON|OFF|SKIP)")
                        .runs(ClientCommand::reply))
                .subcommand(Group.CONNECTION.command("setinfo", 4, NOSCRIPT | LOADING | STALE)
                        .since("7.2.0")
                        .complexity("O(1)")
                        .summary("Set client or connection specific info")
                        .args("attr=(LIB-NAME:libname|LIB-VER:libver)")
                        .runs(ClientCommand::setInfo))
                .subcommand(Group.CONNECTION.command("no-evict", 3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Set client eviction mode for the current connection")
                        .args("enabled=(ON|OFF)")
                        .runs((c, r, out) -> onOff(r, out, v -> c.settings().noEvict = v)))
                .subcommand(Group.CONNECTION.command("no-touch", 3, NOSCRIPT | LOADING | STALE)
                        .since("7.2.0")
                        .complexity("O(1)")
                        .summary("Controls whether commands sent by the client affect the LRU/LFU of accessed keys")
                        .args("enabled=(ON|OFF)")
                        .runs((c, r, out) -> onOff(r, out, v -> c.settings().noTouch = v)))
                .container();
    }

    private static void setName(Client client, Request request, RespWriter out) {
        if (setNameOrReply(client, request, 2, out)) {
            out.raw(Replies.OK);
        }
    }

    /** Redis's clientSetNameOrReply: printable ASCII without spaces; an empty name clears it. */
    static boolean setNameOrReply(Client client, Request request, int arg, RespWriter out) {
        byte[] b = request.array();
        for (int i = request.offset(arg); i < request.offset(arg) + request.length(arg); i++) {
            if (b[i] < '!' || b[i] > '~') {
                out.error("ERR Client names cannot contain spaces, newlines or special characters.");
                return false;
            }
        }
        client.name(request.length(arg) == 0 ? null : request.copy(arg));
        return true;
    }

    private static final byte[] TIMEOUT = {'t', 'i', 'm', 'e', 'o', 'u', 't'};
    private static final byte[] ERROR = {'e', 'r', 'r', 'o', 'r'};

    /**
     * CLIENT UNBLOCK id [TIMEOUT|ERROR]: 1 if the client was blocked in a blocking command and now answers as
     * on a timeout or with -UNBLOCKED, else 0. As Redis, the reason is checked before the id.
     */
    private static void unblock(Client client, Request request, RespWriter out) {
        if (request.argc() > 4) {
            out.error(Errors.subcommandSyntax(request.string(1), "CLIENT"));
            return;
        }
        boolean error = false;
        if (request.argc() == 4) {
            if (request.is(3, ERROR)) {
                error = true;
            } else if (!request.is(3, TIMEOUT)) {
                out.raw(Errors.UNBLOCK_REASON);
                return;
            }
        }
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long id = request.longValue(2);
        for (Client c : client.peers().all()) {
            if (c.id() == id && c.blockedIn() instanceof BlockedCall) {
                ((BlockedCall) c.blockedIn()).unblockByRequest(error);
                out.raw(Replies.ONE);
                return;
            }
        }
        out.raw(Replies.ZERO);
    }

    private static void getName(Client client, Request request, RespWriter out) {
        if (client.name() == null) {
            out.nullValue();
        } else {
            out.bulk(client.name());
        }
    }

    /** CLIENT LIST [TYPE normal|master|replica|pubsub] [ID id [id ...]]. */
    private static void list(Client client, Request request, RespWriter out) {
        String type = null;
        List<Long> ids = null;
        if (request.argc() == 4 && request.string(2).equalsIgnoreCase("type")) {
            type = clientType(request.string(3));
            if (type == null) {
                out.error("ERR Unknown client type '" + request.string(3) + "'");
                return;
            }
        } else if (request.argc() > 3 && request.string(2).equalsIgnoreCase("id")) {
            ids = new ArrayList<>();
            for (int i = 3; i < request.argc(); i++) {
                if (!request.isLong(i) || request.longValue(i) < 1) {
                    out.error("ERR Invalid client ID");
                    return;
                }
                ids.add(request.longValue(i));
            }
        } else if (request.argc() != 2) {
            out.raw(Errors.SYNTAX);
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Client c : client.peers().all()) {
            if ((type == null || type.equals(typeOf(c))) && (ids == null || ids.contains(c.id()))) {
                b.append(ClientInfo.line(c));
            }
        }
        Verbatim.text(out, b.toString());
    }

    /** The class name CLIENT KILL/LIST TYPE uses, or null if unknown ("slave" is "replica"'s old name). */
    private static String clientType(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "normal": return "normal";
            case "pubsub": return "pubsub";
            case "master": return "master";
            case "replica":
            case "slave": return "replica";
            default: return null;
        }
    }

    private static String typeOf(Client c) {
        return c.subscriptions().count() > 0 ? "pubsub" : "normal";
    }

    /**
     * CLIENT KILL ip:port (the old form: +OK or an error) or CLIENT KILL filter value ... (the number
     * killed). Filters: ID, TYPE, USER, ADDR, LADDR, SKIPME.
     */
    private static void kill(Client client, Request request, RespWriter out) {
        if (request.argc() == 3) {
            String addr = request.string(2);
            for (Client c : client.peers().all()) {
                if (c.link().address().equals(addr)) {
                    killOne(client, c);
                    out.raw(Replies.OK);
                    return;
                }
            }
            out.error("ERR No such client");
            return;
        }
        if ((request.argc() & 1) != 0) {
            out.raw(Errors.SYNTAX);
            return;
        }
        long id = 0;
        String type = null;
        String user = null;
        String addr = null;
        String laddr = null;
        boolean skipMe = true;
        for (int i = 2; i < request.argc(); i += 2) {
            String filter = request.string(i).toLowerCase(Locale.ROOT);
            switch (filter) {
                case "id":
                    if (!request.isLong(i + 1) || request.longValue(i + 1) < 1) {
                        out.error("ERR client-id should be greater than 0");
                        return;
                    }
                    id = request.longValue(i + 1);
                    break;
                case "type":
                    type = clientType(request.string(i + 1));
                    if (type == null) {
                        out.error("ERR Unknown client type '" + request.string(i + 1) + "'");
                        return;
                    }
                    break;
                case "user":
                    user = request.string(i + 1);
                    if (!user.equals("default")) {
                        out.error("ERR No such user '" + user + "'");
                        return;
                    }
                    break;
                case "addr":
                    addr = request.string(i + 1);
                    break;
                case "laddr":
                    laddr = request.string(i + 1);
                    break;
                case "skipme":
                    if (request.is(i + 1, YES)) {
                        skipMe = true;
                    } else if (request.is(i + 1, NO)) {
                        skipMe = false;
                    } else {
                        out.raw(Errors.SYNTAX);
                        return;
                    }
                    break;
                default:
                    out.raw(Errors.SYNTAX);
                    return;
            }
        }
        List<Client> victims = new ArrayList<>();
        for (Client c : client.peers().all()) {
            if ((id != 0 && c.id() != id)
                    || (type != null && !type.equals(typeOf(c)))
                    || (addr != null && !addr.equals(c.link().address()))
                    || (laddr != null && !laddr.equals(c.link().localAddress()))
                    || (skipMe && c == client)) {
                continue;
            }
            victims.add(c);
        }
        for (Client c : victims) {
            killOne(client, c);
        }
        out.integer(victims.size());
    }

    private static void killOne(Client current, Client victim) {
        if (victim == current) {
            current.closeAfterReply(true);
        } else {
            victim.link().kill();
        }
    }

    /** CLIENT REPLY ON|OFF|SKIP: only ON replies; see {@link ModalDispatch} for the rest. */
    private static void reply(Client client, Request request, RespWriter out) {
        ClientSettings s = client.settings();
        if (request.is(2, ON)) {
            s.replyMode = ClientSettings.REPLY_ON;
            out.raw(Replies.OK);
        } else if (request.is(2, OFF)) {
            s.replyMode = ClientSettings.REPLY_OFF;
        } else if (request.is(2, SKIP)) {
            if (s.replyMode != ClientSettings.REPLY_OFF) {
                s.replyMode = ClientSettings.REPLY_SKIP_NEXT;
            }
        } else {
            out.raw(Errors.SYNTAX);
        }
    }

    /** CLIENT SETINFO LIB-NAME|LIB-VER value, as Redis 7.2 (printable, no spaces). */
    private static void setInfo(Client client, Request request, RespWriter out) {
        String attr = request.string(2).toLowerCase(Locale.ROOT);
        if (!attr.equals("lib-name") && !attr.equals("lib-ver")) {
            out.error("ERR Unrecognized option '" + request.string(2) + "'");
            return;
        }
        String value = request.string(3);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '!' || ch > '~') {
                out.error("ERR " + attr + " cannot contain spaces, newlines or special characters.");
                return;
            }
        }
        if (attr.equals("lib-name")) {
            client.settings().libName = value;
        } else {
            client.settings().libVersion = value;
        }
        out.raw(Replies.OK);
    }

    private static void onOff(Request request, RespWriter out, java.util.function.Consumer<Boolean> set) {
        if (request.is(2, ON)) {
            set.accept(true);
        } else if (request.is(2, OFF)) {
            set.accept(false);
        } else {
            out.raw(Errors.SYNTAX);
            return;
        }
        out.raw(Replies.OK);
    }
}
