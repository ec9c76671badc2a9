package io.saasreport.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequiredUserAgentTest {

    @Test
    void theFeedsDoNotStartWithoutANameForSec() {
        for (Optional<String> missing : java.util.List.of(Optional.<String> empty(), Optional.of("  "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Feeds.requiredUserAgent(missing));
            assertTrue(refused.getMessage().startsWith("feeds.enabled=true needs feeds.user-agent (FEEDS_USER_AGENT)"));
        }
        assertEquals("Example Corp ops@example.com", Feeds.requiredUserAgent(Optional.of(" Example Corp ops@example.com ")));
    }
}
