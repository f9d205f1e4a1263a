package eu.smek.rest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smek.security.AccessDeniedException;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import eu.smek.shared.RecordNotFoundException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void isTranslatedProblemDetailsJson() {
    Problem problem = Problem.of(403, Language.SK, "error.accessDenied");
    JsonObject json = Json.createReader(new StringReader(problem.toJson())).readObject();
    assertThat(json.getString("type")).isEqualTo("about:blank");
    assertThat(json.getInt("status")).isEqualTo(403);
    assertThat(json.getString("title")).isEqualTo("Prístup zamietnutý");
    assertThat(json.getString("detail")).isEqualTo("Na túto činnosť nemáte oprávnenie.");
    assertThat(json.getString("code")).isEqualTo("error.accessDenied");
  }

  @Test
  void escapesWhateverTheDetailContains() {
    Problem problem = new Problem(404, "Not found", "\"}<script>alert(1)</script>", null);
    JsonObject json = Json.createReader(new StringReader(problem.toJson())).readObject();
    assertThat(json.getString("detail")).isEqualTo("\"}<script>alert(1)</script>");
    assertThat(json.containsKey("code")).isFalse();
  }

  @Test
  void untranslatedStatusesShareADefaultTitle() {
    assertThat(Problem.titleKey(404)).isEqualTo("api.status.404");
    assertThat(Problem.titleKey(418)).isEqualTo("api.status.default");
  }

  @Test
  void businessRulesGetFittingStatuses() {
    assertThat(ProblemMappers.statusOf(new AccessDeniedException("x"))).isEqualTo(403);
    assertThat(ProblemMappers.statusOf(new RecordNotFoundException(String.class, 1)))
        .isEqualTo(404);
    assertThat(ProblemMappers.statusOf(new ConcurrentChangeException())).isEqualTo(409);
  }
}
