package dev.pyplugins.sample.rest;

import dev.pyplugins.protocol.v1.AppErrorException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * What a request's body must be: of the route's media type when there is one (a form post or a
 * {@code text/plain} one, which browsers send across sites without asking, is refused), and within the
 * route's size cap, checked against the declared length first and counted while it is read.
 */
final class BodyRules {
  private BodyRules() {
  }

  static void check(HttpServletRequest request, String contentType, long limit) {
    if (!hasBody(request)) {
      return;
    }
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (!type.equals(contentType) && !type.startsWith(contentType + ";")) {
      throw AppErrorException.of(415, "api.context.invalid_content_type.app_error", "This request's body must be "
          + contentType + ", was '" + (type.isEmpty() ? "(none)" : type) + "'.");
    }
    if (request.getContentLengthLong() > limit) {
      throw tooLarge(limit);
    }
  }

  /** The whole body, refusing it once it passes {@code limit} bytes. */
  static byte[] read(InputStream in, long limit) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (bytes.length > limit) {
      throw tooLarge(limit);
    }
    return bytes;
  }

  static AppErrorException tooLarge(long limit) {
    return AppErrorException.of(413, "api.context.request_body_too_large.app_error",
        "The request body is larger than this route accepts (" + limit + " bytes).");
  }

  static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }
}
