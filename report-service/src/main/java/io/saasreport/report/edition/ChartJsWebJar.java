package io.saasreport.report.edition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where Quarkus serves Chart.js from its WebJar (the dashboard's charting library, a Maven dependency: no CDN). The
 * version is read from the WebJar's own Maven metadata, so the path follows the dependency.
 */
@ApplicationScoped
public class ChartJsWebJar {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private final String script;

    ChartJsWebJar() {
        Properties pom = new Properties();
        try (InputStream in = ChartJsWebJar.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("The Chart.js WebJar is not on the class path (" + POM_PROPERTIES + ")");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        script = "/webjars/chart.js/" + pom.getProperty("version") + "/dist/chart.umd.min.js";
    }

    /** The path of the UMD bundle, as a page's script source. */
    public String script() {
        return script;
    }
}
