package io.saasreport.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A fetched text document, refused unless it is valid UTF-8 (as the import endpoints refuse a body that is not). */
final class Utf8 {

    static String decode(byte[] document) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the document is not UTF-8 text");
        }
    }

    private Utf8() {
    }
}
