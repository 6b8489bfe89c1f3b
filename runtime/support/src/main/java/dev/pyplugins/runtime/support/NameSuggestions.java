package dev.pyplugins.runtime.support;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name closest to a misspelt one, for "unknown X 'MessageHasBeenPostd'; did you mean
 * MessageHasBeenPosted" errors. Closeness is the edit distance ignoring case; a name more than a third
 * of its length away is no suggestion.
 */
public final class NameSuggestions {

  private NameSuggestions() {}

  /** The closest of {@code known} to {@code given}, if one is close enough to be a likely typo. */
  public static Optional<String> closest(String given, Collection<String> known) {
    String wanted = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : known) {
      int distance = distance(wanted, name.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(1, best.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** {@code "; did you mean X"} for the closest name, or nothing. */
  public static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(name -> "; did you mean " + name).orElse("");
  }

  /** Levenshtein distance, two rows at a time. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
