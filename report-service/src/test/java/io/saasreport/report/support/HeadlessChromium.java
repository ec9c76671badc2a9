package io.saasreport.report.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.saasreport.testsupport.Program;

/**
 * The browser tests' headless Chromium: Debian's chromium and chromedriver, both paths given explicitly so that
 * Selenium Manager has nothing to look up or download, in a fresh profile that {@link #close()} deletes.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver browser;
    private final Path profile;

    private HeadlessChromium(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /**
     * @param name names the profile directory
     * @param windowSize the window's {@code width,height}
     * @param moreOptions anything a test adds (e.g. the console log capability)
     */
    public static HeadlessChromium start(String name, String windowSize, Consumer<ChromeOptions> moreOptions)
            throws IOException {
        Path chromedriver = Program.CHROMEDRIVER.path();
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        Path profile = Files.createTempDirectory("report-" + name + "-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(Program.CHROMIUM.path().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile, "--window-size=" + windowSize, "--hide-scrollbars");
        moreOptions.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver browser() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
