package io.saasreport.ingest.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request written by hand on a socket, to control what of the body is sent before the answer is read: an
 * answer that arrives while the body is still unsent proves the server decided without reading it.
 */
final class RawHttp implements AutoCloseable {

    /** Guards against a server that waits for the rest of the body: the test then fails instead of hanging. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final Socket socket;
    private final OutputStream out;

    RawHttp(URL base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        out = socket.getOutputStream();
    }

    /** Writes the request line and headers (each "Name: value"), nothing of the body. */
    RawHttp head(String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** Writes one chunk of a chunked body (never the last, empty one: the body stays unfinished). */
    RawHttp chunk(byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** Reads the answer: its status and its body (by Content-Length). */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headers.substring(9, 12));
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
        String body = length.find()
                ? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8)
                : "";
        return new Answer(status, headers, body);
    }

    record Answer(int status, String headers, String body) {
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
