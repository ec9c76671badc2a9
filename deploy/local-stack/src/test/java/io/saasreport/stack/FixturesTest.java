package io.saasreport.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared fixtures (the worked example, the real demo files every module's tests read) are still the bytes their
 * PROVENANCE.md says were copied: a sum per file, checked against the file on the classpath.
 */
class FixturesTest {

    private static final Pattern SUM = Pattern.compile("^([0-9a-f]{64})  (\\S+)$", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = { "example", "demo" })
    void everyFileIsTheCopyItsProvenanceNames(String folder) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        Matcher matcher = SUM.matcher(new String(read(folder + "/PROVENANCE.md"), StandardCharsets.UTF_8));
        while (matcher.find()) {
            sums.put(matcher.group(2), matcher.group(1));
        }
        assertFalse(sums.isEmpty(), folder + "/PROVENANCE.md lists no SHA-256 sums");
        for (Map.Entry<String, String> file : sums.entrySet()) {
            assertEquals(file.getValue(), sha256(read(folder + "/" + file.getKey())), folder + "/" + file.getKey());
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = FixturesTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, "no resource /" + resource);
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
