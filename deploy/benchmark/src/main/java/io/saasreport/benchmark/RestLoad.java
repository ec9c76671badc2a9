package io.saasreport.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop GETs: each client sends its next request when the last one answered. */
final class RestLoad {

    record Result(List<Long> latencies, long errors, double perSecond) {
    }

    /** {@code headers}: name, value pairs every request carries (for example Accept-Encoding, as browsers send it). */
    static Result run(URI uri, int clients, Duration duration, String... headers) throws InterruptedException {
        warmUp(uri);
        List<List<Long>> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            List<Long> latencies = new ArrayList<>();
            perClient.add(latencies);
            Thread client = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
                if (headers.length > 0) {
                    builder.headers(headers);
                }
                HttpRequest request = builder.build();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.add(System.nanoTime() - sent);
                }
            }, "rest-client-" + c);
            threads.add(client);
            client.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        List<Long> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return new Result(all, errors.get(), all.size() / Figures.seconds(elapsed));
    }

    /** A few requests first, so neither side measures its JIT warm-up or connection set-up. */
    private static void warmUp(URI uri) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < end) {
            try {
                http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                return;
            }
        }
    }

    private RestLoad() {
    }
}
