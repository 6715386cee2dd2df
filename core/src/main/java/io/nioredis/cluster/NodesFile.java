package io.nioredis.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redis's nodes.conf, read and written in its own format (cluster.c clusterLoadConfig and
 * clusterGenNodesDescription), so the file redis-server writes can be given to nioredis and the other way
 * round. One line per node:
 * <pre>{@code <id> <ip>:<port>@<cport>[,<hostname>] <flags> <master-id|-> <ping-sent> <pong-received>
 * <config-epoch> <connected|disconnected> <slot>|<from>-<to>|[<slot>->-<id>]|[<slot>-<-<id>] ...}</pre>
 * and a {@code vars currentEpoch <n> lastVoteEpoch <n>} line. The line flagged {@code myself} is this node.
 */
public final class NodesFile {
    /** Flag words in the order Redis's representClusterNodeFlags prints them. */
    static final String[] FLAG_ORDER = {"myself", "master", "slave", "fail?", "fail", "handshake", "noaddr",
        "nofailover"};

    private NodesFile() {}

    /** The file had something Redis would refuse to load. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** Reads the file's text into a new cluster state; throws when it is malformed or names no myself. */
    public static ClusterState parse(String text, boolean requireFullCoverage) throws Invalid {
        ClusterState state = new ClusterState(requireFullCoverage);
        List<String[]> lines = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(" +");
            if (f[0].equals("vars")) {
                for (int i = 1; i + 1 < f.length; i += 2) {
                    long v = number(f[i + 1], number);
                    if (f[i].equals("currentEpoch")) {
                        state.currentEpoch = v;
                    } else if (f[i].equals("lastVoteEpoch")) {
                        state.lastVoteEpoch = v;
                    } else {
                        throw new Invalid("line " + number + ": unknown variable '" + f[i] + "'");
                    }
                }
                continue;
            }
            if (f.length < 8) {
                throw new Invalid("line " + number + ": a node line has at least 8 fields");
            }
            if (f[0].length() != 40) {
                throw new Invalid("line " + number + ": a node id is 40 characters");
            }
            state.add(node(f, number));
            lines.add(f);
        }
        // Second pass, once every node is known: masters of replicas, and slots.
        number = 0;
        for (String[] f : lines) {
            number++;
            ClusterNode node = state.node(f[0]);
            if (!f[3].equals("-")) {
                if (state.node(f[3]) == null) {
                    throw new Invalid("node " + f[0] + ": its master " + f[3] + " is not in the file");
                }
                node.masterId = f[3];
            }
            if (!node.master && node.masterId == null) {
                throw new Invalid("node " + f[0] + ": a replica needs a master id");
            }
            for (int i = 8; i < f.length; i++) {
                slots(state, node, f[i]);
            }
        }
        if (state.myself() == null) {
            throw new Invalid("no node is flagged myself");
        }
        state.updateState();
        return state;
    }

    private static ClusterNode node(String[] f, int number) throws Invalid {
        String address = f[1];
        String hostname = "";
        int comma = address.indexOf(',');
        if (comma >= 0) {
            hostname = address.substring(comma + 1);
            address = address.substring(0, comma);
        }
        int at = address.indexOf('@');
        String hostPort = at < 0 ? address : address.substring(0, at);
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new Invalid("line " + number + ": the address must be ip:port@cport");
        }
        String ip = hostPort.substring(0, colon);
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        int port = (int) number(hostPort.substring(colon + 1), number);
        int busPort = at < 0 ? port + 10000 : (int) number(address.substring(at + 1), number);
        ClusterNode node = new ClusterNode(f[0], ip, port, busPort);
        node.hostname = hostname;
        StringBuilder extra = new StringBuilder();
        boolean myself = false;
        boolean slave = false;
        for (String flag : f[2].split(",")) {
            switch (flag) {
                case "myself" -> myself = true;
                case "master" -> node.master = true;
                case "slave" -> slave = true;
                case "noflags" -> { }
                case "fail?", "fail", "handshake", "noaddr", "nofailover" -> extra.append(flag).append(',');
                default -> throw new Invalid("line " + number + ": unknown node flag '" + flag + "'");
            }
        }
        if (slave) {
            node.master = false;
        }
        node.extraFlags = extra.toString();
        node.pingSent = number(f[4], number);
        node.pongReceived = number(f[5], number);
        node.configEpoch = number(f[6], number);
        node.connected = !f[7].equals("disconnected");
        if (myself) {
            node.myself = true;
        }
        return node;
    }

    private static void slots(ClusterState state, ClusterNode node, String word) throws Invalid {
        if (word.startsWith("[")) {
            // Only the myself line carries these: [slot->-id] migrating to id, [slot-<-id] importing from id.
            int arrow = word.indexOf("->-");
            boolean migrating = arrow >= 0;
            if (!migrating) {
                arrow = word.indexOf("-<-");
            }
            if (arrow < 0 || !word.endsWith("]")) {
                throw new Invalid("bad slot state '" + word + "'");
            }
            int slot = slot(word.substring(1, arrow));
            ClusterNode other = state.node(word.substring(arrow + 3, word.length() - 1));
            if (other == null) {
                throw new Invalid("slot state '" + word + "' names an unknown node");
            }
            if (migrating) {
                state.setMigrating(slot, other);
            } else {
                state.setImporting(slot, other);
            }
            return;
        }
        int dash = word.indexOf('-');
        int from = slot(dash < 0 ? word : word.substring(0, dash));
        int to = dash < 0 ? from : slot(word.substring(dash + 1));
        if (to < from) {
            throw new Invalid("bad slot range '" + word + "'");
        }
        for (int s = from; s <= to; s++) {
            state.assign(s, node);
        }
    }

    private static int slot(String text) throws Invalid {
        try {
            int slot = Integer.parseInt(text);
            if (slot >= 0 && slot < HashSlot.COUNT) {
                return slot;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Invalid("bad slot '" + text + "'");
    }

    private static long number(String text, int line) throws Invalid {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Invalid("line " + line + ": '" + text + "' is not a number");
        }
    }

    /** The CLUSTER NODES text: one line per node, each ending in a newline, as Redis. */
    public static String describe(ClusterState state) {
        StringBuilder b = new StringBuilder();
        for (ClusterNode node : state.nodes()) {
            line(state, node, b);
        }
        return b.toString();
    }

    /** The nodes file's text: the nodes' lines and the vars line. */
    public static String format(ClusterState state) {
        return describe(state) + "vars currentEpoch " + state.currentEpoch + " lastVoteEpoch "
                + state.lastVoteEpoch + "\n";
    }

    private static void line(ClusterState state, ClusterNode node, StringBuilder b) {
        b.append(node.id).append(' ').append(node.ip).append(':').append(node.port).append('@').append(node.busPort);
        if (!node.hostname.isEmpty()) {
            b.append(',').append(node.hostname);
        }
        b.append(' ').append(flags(node)).append(' ');
        b.append(node.masterId == null ? "-" : node.masterId).append(' ');
        b.append(node.pingSent).append(' ').append(node.pongReceived).append(' ');
        b.append(state.epochOf(node)).append(' ');
        b.append(node.connected || node.myself ? "connected" : "disconnected");
        int s = 0;
        while (s < HashSlot.COUNT) {
            if (state.owner(s) != node) {
                s++;
                continue;
            }
            int start = s;
            while (s + 1 < HashSlot.COUNT && state.owner(s + 1) == node) {
                s++;
            }
            b.append(' ').append(start);
            if (s != start) {
                b.append('-').append(s);
            }
            s++;
        }
        if (node.myself) {
            for (int slot = 0; slot < HashSlot.COUNT; slot++) {
                if (state.migratingTo(slot) != null) {
                    b.append(" [").append(slot).append("->-").append(state.migratingTo(slot).id).append(']');
                } else if (state.importingFrom(slot) != null) {
                    b.append(" [").append(slot).append("-<-").append(state.importingFrom(slot).id).append(']');
                }
            }
        }
        b.append('\n');
    }

    static String flags(ClusterNode node) {
        StringBuilder f = new StringBuilder();
        for (String flag : FLAG_ORDER) {
            boolean on = switch (flag) {
                case "myself" -> node.myself;
                case "master" -> node.master;
                case "slave" -> !node.master;
                default -> node.extraFlags.contains(flag + ",");
            };
            if (on) {
                f.append(flag).append(',');
            }
        }
        if (f.length() == 0) {
            return "noflags";
        }
        f.setLength(f.length() - 1);
        return f.toString().toLowerCase(Locale.ROOT);
    }
}
