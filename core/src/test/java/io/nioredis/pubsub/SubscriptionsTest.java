package io.nioredis.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.text.BytesKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The total the subscribed-context check reads is kept as the sets change, not summed from them. */
class SubscriptionsTest {
    @Test
    void theTotalFollowsEveryKindThroughRepeatsAndRemovalsOfWhatIsNotThere() {
        Subscriptions s = new Subscriptions();
        BytesKey news = key("news");
        BytesKey other = key("other");
        assertThat(s.addChannel(news)).isTrue();
        assertThat(s.addChannel(news)).isFalse();
        assertThat(s.addPattern(news)).isTrue();
        assertThat(s.addShardChannel(news)).isTrue();
        assertThat(s.addShardChannel(other)).isTrue();
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.shardCount()).isEqualTo(2);

        assertThat(s.removeChannel(other)).isFalse();
        assertThat(s.removePattern(other)).isFalse();
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.removeChannel(news)).isTrue();
        assertThat(s.removePattern(news)).isTrue();
        assertThat(s.removeShardChannel(news)).isTrue();
        assertThat(s.total()).isEqualTo(1);
        assertThat(s.shardChannels()).containsExactly(other);

        s.clear();
        assertThat(s.total()).isZero();
        assertThat(s.channels()).isEmpty();
        assertThat(s.shardChannels()).isEmpty();
    }

    @Test
    void theSetsAreReadOnlyOutsideTheClass() {
        Subscriptions s = new Subscriptions();
        assertThatThrownBy(() -> s.channels().add(key("news"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.total()).isZero();
    }

    private static BytesKey key(String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        return BytesKey.copyOf(b, 0, b.length);
    }
}
