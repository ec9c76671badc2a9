package io.saasreport.ingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** api-key-digest.sh, the command an operator runs for a new key, prints what ApiKeys accepts. */
class ApiKeyDigestScriptTest {

    @Test
    void printsTheDigestOfAKeyReadFromStdin() throws Exception {
        List<String> out = run("some-client-key\n");
        assertEquals(List.of("digest: " + ApiKeys.digest("some-client-key")), out);
    }

    @Test
    void makesANewRandomKeyAndPrintsItsDigest() throws Exception {
        List<String> first = run("", "--new");
        Matcher key = Pattern.compile("key: +([0-9a-f]{64})").matcher(first.get(0));
        assertTrue(key.matches(), first::toString);
        assertEquals("digest: " + ApiKeys.digest(key.group(1)), first.get(1));
        assertNotEquals(first, run("", "--new"));
    }

    private static List<String> run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "api-key-digest.sh"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }
}
