package dev.pyplugins.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSuggestionsTest {

  private static final List<String> HOOKS = List.of("MessageHasBeenPosted", "MessageWillBePosted", "OnActivate",
      "ServeHTTP");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"MessageHasBeenPostd, MessageHasBeenPosted", "messagewillbeposted, MessageWillBePosted",
      "OnActivat, OnActivate", "ServeHttp, ServeHTTP"})
  void aTypoSuggestsTheNameItWasMeantToBe(String given, String expected) {
    assertThat(NameSuggestions.closest(given, HOOKS)).contains(expected);
  }

  @Test
  void aNameFarFromEveryKnownOneSuggestsNothing() {
    assertThat(NameSuggestions.closest("UserHasLoggedIn", HOOKS)).isEmpty();
    assertThat(NameSuggestions.didYouMean("UserHasLoggedIn", HOOKS)).isEmpty();
  }

  @Test
  void didYouMeanReadsAsTheTailOfAnErrorMessage() {
    assertThat("unknown hook 'OnActivat'" + NameSuggestions.didYouMean("OnActivat", HOOKS))
        .isEqualTo("unknown hook 'OnActivat'; did you mean OnActivate");
  }
}
