package dev.pyplugins.sample.rest;

/**
 * What the host says about itself to clients.
 *
 * @param version the Mattermost server version it follows, such as {@code 10.11.0}
 * @param siteName shown by clients
 */
public record ServerInfo(String version, String siteName) {

  /**
   * The {@code X-Version-Id} header and the WebSocket hello's {@code server_version}: Mattermost's
   * {@code <version>.<build number>.<config hash>.<licensed>}.
   */
  public String versionId() {
    return version + ".0.sample-host.false";
  }
}
