package io.nioredis.command.connection;

import io.nioredis.command.BlockedCall;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import static io.nioredis.command.CommandFlags.*;
import io.nioredis.client.Client;
import io.nioredis.client.ClientSettings;
import io.nioredis.command.Errors;
import io.nioredis.command.Help;
import io.nioredis.command.Replies;
import io.nioredis.resp.Verbatim;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CLIENT ID | SETNAME | GETNAME | LIST | INFO | KILL | UNBLOCK | REPLY | PAUSE | UNPAUSE | SETINFO | NO-EVICT | NO-TOUCH
 * | HELP, as Redis's clientCommand. SETINFO is Redis 7.2's, accepted because current Jedis and Lettuce send it on connect.
 */
final class ClientCommand {
    /** Not a method reference: declared with PING, on the way to the first reply (see Config on lambdas). */
    private static final CommandFactory IMPLEMENTATIONS = new CommandFactory() {
        @Override
        public Command make(String fullName) {
            return implementation(fullName);
        }
    };

    private static final byte[] ON = {'o', 'n'};
    private static final byte[] OFF = {'o', 'f', 'f'};
    private static final byte[] SKIP = {'s', 'k', 'i', 'p'};
    private static final byte[] YES = {'y', 'e', 's'};
    private static final byte[] NO = {'n', 'o'};

    /** Redis 7.0's CLIENT HELP lines for the subcommands nioredis has, in its order (7.2's for its two). */
    private static final String[] HELP = {
        "GETNAME",
        "    Return the name of the current connection.",
        "ID",
        "    Return the ID of the current connection.",
        "INFO",
        "    Return information about the current client connection.",
        "KILL <ip:port>",
        "    Kill connection made from <ip:port>.",
        "KILL <option> <value> [<option> <value> [...]]",
        "    Kill connections. Options are:",
        "    * ADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made from the specified address",
        "    * LADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made to specified local address",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Kill connections by type.",
        "    * USER <username>",
        "      Kill connections authenticated by <username>.",
        "    * SKIPME (YES|NO)",
        "      Skip killing current connection (default: yes).",
        "LIST [options ...]",
        "    Return information about client connections. Options:",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Return clients of specified type.",
        "UNPAUSE",
        "    Stop the current client pause, resuming traffic.",
        "PAUSE <timeout> [WRITE|ALL]",
        "    Suspend all, or just write, clients for <timeout> milliseconds.",
        "REPLY (ON|OFF|SKIP)",
        "    Control the replies sent to the current connection.",
        "SETNAME <name>",
        "    Assign the name <name> to the current connection.",
        "SETINFO <option> <value>",
        "    Set client meta attr. Options are:",
        "    * LIB-NAME: the client lib name.",
        "    * LIB-VER: the client lib version.",
        "NO-EVICT (ON|OFF)",
        "    Protect current client connection from eviction.",
        "NO-TOUCH (ON|OFF)",
        "    Will not touch LRU/LFU stats when this mode is on.",
    };
    private static final byte[] WRITE = {'w', 'r', 'i', 't', 'e'};
    private static final byte[] ALL = {'a', 'l', 'l'};

    private ClientCommand() {}

    /** CLIENT PAUSE timeout [WRITE|ALL], checked in Redis's order: the mode, then the timeout. */
    private static void pause(Client client, Request request, RespWriter out) {
        if (request.argc() > 4) {
            out.error(Errors.subcommandSyntax(request.string(1), "CLIENT"));
            return;
        }
        int mode = io.nioredis.ClientPause.ALL;
        if (request.argc() == 4) {
            if (request.is(3, WRITE)) {
                mode = io.nioredis.ClientPause.WRITE;
            } else if (!request.is(3, ALL)) {
                out.error(Errors.PAUSE_MODE);
                return;
            }
        }
        if (!request.isLong(2)) {
            out.raw(Errors.TIMEOUT_NOT_INTEGER);
            return;
        }
        long timeout = request.longValue(2);
        if (timeout < 0) {
            out.error(Errors.TIMEOUT_NEGATIVE_TEXT);
            return;
        }
        long now = client.server().clock.millis();
        if (timeout > Long.MAX_VALUE - now) {
            out.error(Errors.TIMEOUT_OUT_OF_RANGE);
            return;
        }
        client.server().pause.pause(timeout == 0 ? 0 : now + timeout, mode);
        out.raw(Replies.OK);
    }

    static CommandSpec create() {
        return Group.CONNECTION.command("client", -2, 0)
                .since("2.4.0")
                .complexity("Depends on subcommand.")
                .summary("Inspect and manage client connections")
                .subcommand(Group.CONNECTION.command("id", 2, NOSCRIPT | LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Reply with this connection's unique id")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("setname", 3, NOSCRIPT | LOADING | STALE)
                        .since("2.6.9")
                        .complexity("O(1)")
                        .summary("Give this connection a name")
                        .args("connection-name")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("getname", 2, NOSCRIPT | LOADING | STALE)
                        .since("2.6.9")
                        .complexity("O(1)")
                        .summary("Reply with this connection's name")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("list", -2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.4.0")
                        .history(
                                "2.8.12", "Added unique client `id` field.",
                                "5.0.0", "Added optional `TYPE` filter.",
                                "6.0.0", "Added `user` field.",
                                "6.2.0", "Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter.",
                                "7.0.0", "Added `resp`, `multi-mem`, `rbs` and `rbp` fields.",
                                "7.0.3", "Added `ssub` field.")
                        .complexity("O(N) where N is the number of client connections")
                        .summary("Describe every client connection, one line each")
                        .args("[normal_master_replica_pubsub=TYPE:(NORMAL|MASTER|REPLICA|PUBSUB)]@5.0.0 "
                                + "[ID:(client-id#integer...)]@6.2.0")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("info", 2, NOSCRIPT | LOADING | STALE)
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("Describe this connection in one line")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("kill", -3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.4.0")
                        .history(
                                "2.8.12", "Added new filter format.",
                                "2.8.12", "`ID` option.",
                                "3.2.0", "Added `master` type in for `TYPE` option.",
                                "5.0.0", "Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility.",
                                "6.2.0", "`LADDR` option.")
                        .complexity("O(N) where N is the number of client connections")
                        .summary("Close client connections picked by address, id, type, user or age")
                        .args("filter=(ip:port|new-format=([ID:client-id#integer]|TYPE:[NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER:username]|[ADDR:ip:port]|[LADDR:ip:port]|[SKIPME:yes/no])...)")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("unblock", -3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(log N) where N is the number of client connections")
                        .summary("Wake a client blocked on a key, as a timeout or with an error")
                        .args("client-id#integer timeout_error=[TIMEOUT|ERROR]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("reply", 3, NOSCRIPT | LOADING | STALE)
                        .since("3.2.0")
                        .complexity("O(1)")
                        .summary("Turn replies to this connection on, off, or off for the next command only")
                        .args("on_off_skip=(ON|OFF|SKIP)")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("setinfo", 4, NOSCRIPT | LOADING | STALE)
                        .since("7.2.0")
                        .complexity("O(1)")
                        .summary("Record the client library name or version for this connection")
                        .args("attr=(LIB-NAME:libname|LIB-VER:libver)")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("no-evict", 3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Exempt this connection from client eviction, or not")
                        .args("enabled=(ON|OFF)")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("pause", -3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.9.50")
                        .history("6.2.0", "`CLIENT PAUSE WRITE` mode added along with the `mode` option.")
                        .complexity("O(1)")
                        .summary("Hold the commands of all clients, or only writes, for a number of milliseconds")
                        .args("timeout#integer mode=[WRITE|ALL]@6.2.0")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("unpause", 2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("6.2.0")
                        .complexity("O(N) Where N is the number of paused clients")
                        .summary("End a client pause now")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("List the CLIENT subcommands")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.CONNECTION.command("no-touch", 3, NOSCRIPT | LOADING | STALE)
                        .since("7.2.0")
                        .complexity("O(1)")
                        .summary("Stop this connection's commands from updating keys' access time and frequency")
                        .args("enabled=(ON|OFF)")
                        .runs(IMPLEMENTATIONS))
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
        if (c.isMaster()) {
            return "master";
        }
        if (c.isReplica()) {
            return "replica"; // Redis's getClientType: a replica (not a MONITOR) before pub/sub
        }
        return c.subscriptions().total() > 0 ? "pubsub" : "normal";
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

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "client|id" -> (c, r, out) -> out.integer(c.id());
            case "client|setname" -> ClientCommand::setName;
            case "client|getname" -> ClientCommand::getName;
            case "client|list" -> ClientCommand::list;
            case "client|info" -> (c, r, out) -> Verbatim.text(out, ClientInfo.line(c));
            case "client|kill" -> ClientCommand::kill;
            case "client|unblock" -> ClientCommand::unblock;
            case "client|reply" -> ClientCommand::reply;
            case "client|setinfo" -> ClientCommand::setInfo;
            case "client|no-evict" -> (c, r, out) -> onOff(r, out, v -> c.settings().noEvict = v);
            case "client|pause" -> ClientCommand::pause;
            case "client|unpause" -> (c, r, out) -> {
                c.server().pause.unpause();
                out.raw(Replies.OK);
            };
            case "client|help" -> (c, r, out) -> Help.reply(out, "CLIENT", HELP);
            case "client|no-touch" -> (c, r, out) -> onOff(r, out, v -> c.settings().noTouch = v);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
