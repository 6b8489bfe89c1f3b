/**
 * The web page in a real browser: Debian's headless Chromium, driven by Selenium through chromedriver,
 * against a sample host in the test JVM with real plugin processes. Each test class starts one host and
 * one browser; screenshots of each page land in {@code target/screenshots}.
 */
package dev.pyplugins.sample.browser;
