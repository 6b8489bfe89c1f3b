package dev.pyplugins.sample.db;

import dev.pyplugins.protocol.v1.AppErrorException;
import java.util.Collections;
import java.util.List;

/** Small helpers for building statements. */
public final class Rows {
  private Rows() {
  }

  /** {@code "?, ?, ?"} for {@code count} parameters: the inside of an {@code IN (...)}. */
  public static String placeholders(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an IN list needs at least one parameter");
    }
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /** {@code params} followed by {@code more}, as one parameter array. */
  public static Object[] params(List<?> params, Object... more) {
    Object[] all = new Object[params.size() + more.length];
    for (int i = 0; i < params.size(); i++) {
      all[i] = params.get(i);
    }
    System.arraycopy(more, 0, all, params.size(), more.length);
    return all;
  }

  /** The row offset of page {@code page} (from 0) of {@code perPage} rows; a 400 error when they make no sense. */
  public static int offset(int page, int perPage) {
    if (page < 0 || perPage < 1 || perPage > 1000) {
      throw AppErrorException.badRequest("sample.paging.invalid",
          "page must be >= 0 and per_page within 1..1000, were " + page + " and " + perPage);
    }
    return page * perPage;
  }
}
