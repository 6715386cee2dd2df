package io.nioredis.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the cluster state lives between runs: {@code cluster-config-file} in the working directory, loaded
 * at start-up and rewritten (through a temporary file and a rename) whenever CLUSTER commands change the
 * state, as Redis's clusterSaveConfig.
 */
public final class ClusterFile {
    private final Path path;

    public ClusterFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /**
     * The state in the file; when there is no file, this node alone with a fresh id, saved at once, as Redis
     * starts a new cluster node.
     */
    public ClusterState load(boolean requireFullCoverage, int port, String freshId) throws IOException, NodesFile.Invalid {
        if (!Files.exists(path)) {
            ClusterState state = ClusterState.alone(freshId, "", port, requireFullCoverage);
            save(state);
            return state;
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        ClusterState state = NodesFile.parse(text, requireFullCoverage);
        if (port != 0) {
            // As Redis's clusterUpdateMyselfAnnouncedPorts: this node is where it listens.
            state.myself().port = port;
        }
        return state;
    }

    public void save(ClusterState state) throws IOException {
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(temp, NodesFile.format(state), StandardCharsets.UTF_8);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
