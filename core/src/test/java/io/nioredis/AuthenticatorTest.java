package io.nioredis;

import io.nioredis.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    private final Config config = new Config();
    private final Authenticator auth = new Authenticator(config);

    @Test
    void withoutPasswordEveryPasswordOfTheDefaultUserIsAccepted() {
        assertThat(auth.passwordRequired()).isFalse();
        assertThat(password("anything")).isTrue();
        assertThat(userAndPassword("default", "anything")).isTrue();
        assertThat(userAndPassword("alice", "anything")).isFalse();
    }

    @Test
    void followsRequirepassAsItChanges() {
        config.set("requirepass", "s3cret");
        assertThat(auth.passwordRequired()).isTrue();
        assertThat(password("s3cret")).isTrue();
        assertThat(password("s3cre")).isFalse();
        assertThat(password("s3cret!")).isFalse();
        assertThat(password("")).isFalse();
        assertThat(userAndPassword("default", "s3cret")).isTrue();
        assertThat(userAndPassword("DEFAULT", "s3cret")).isFalse();
        assertThat(userAndPassword("default", "wrong")).isFalse();
        config.set("requirepass", "");
        assertThat(auth.passwordRequired()).isFalse();
    }

    @Test
    void checksViewsInsideALargerArray() {
        config.set("requirepass", "pw");
        byte[] b = "xxdefaultpwyy".getBytes(StandardCharsets.US_ASCII);
        assertThat(auth.check(b, 2, 7, 9, 2)).isTrue();
        assertThat(auth.checkPassword(b, 9, 2)).isTrue();
        assertThat(auth.checkPassword(b, 9, 3)).isFalse();
    }

    private boolean password(String p) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        return auth.checkPassword(b, 0, b.length);
    }

    private boolean userAndPassword(String user, String password) {
        byte[] b = (user + password).getBytes(StandardCharsets.UTF_8);
        return auth.check(b, 0, user.length(), user.length(), password.length());
    }
}
