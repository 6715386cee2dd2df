package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ServerTest {
    @Test
    void openFileLimitIsTheOneTheJvmReports() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            assertThat(Server.openFileLimit())
                    .isEqualTo(((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount());
        } else {
            assertThat(Server.openFileLimit()).isPositive();
        }
    }
}
