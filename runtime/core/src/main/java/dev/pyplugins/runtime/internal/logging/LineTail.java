package dev.pyplugins.runtime.internal.logging;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@code capacity} lines seen, for failure reports. Thread-safe. */
public final class LineTail {
  private static final int MAX_LINE = 1024;

  private final int capacity;
  private final ArrayDeque<String> lines;

  public LineTail(int capacity) {
    this.capacity = capacity;
    this.lines = new ArrayDeque<>(Math.max(1, capacity));
  }

  /** Remembers a line, shortened to 1 KiB so a report stays readable. */
  public synchronized void add(String line) {
    if (capacity == 0) {
      return;
    }
    if (lines.size() == capacity) {
      lines.removeFirst();
    }
    lines.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
  }

  /** The remembered lines, oldest first. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
