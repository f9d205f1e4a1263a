package eu.smek.security;

import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Language;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Everything the application holds about the signed-in user, to read, download as JSON and correct:
 * the account here, the directory entry on its own page.
 */
@Named
@ViewScoped
public class ViewMyData implements Serializable {

  /** Thread-safe; one for the application. */
  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

  @Inject private SecurityService security;
  @Inject private CurrentUser currentUser;
  @Inject private ActiveLocale activeLocale;

  private PersonalData data;
  private Long personId;
  private String displayName;
  private String email;
  private Language language;

  public void load() {
    data = security.myData().mostRecent(50);
    Account account = security.getCurrentAccount();
    personId = account.getPerson() == null ? null : account.getPerson().getId();
    displayName = account.getDisplayName();
    email = account.getEmail();
    language = account.getLanguage();
  }

  public void save() throws IOException {
    Account account = security.correctMyAccount(displayName, email, language);
    currentUser.signedIn(security.getCurrentAccount());
    activeLocale.remember(account.getLanguage());
    Messages.addFlashGlobalInfo(
        eu.smek.shared.Messages.format(account.getLanguage().locale(), "security.myData.saved"));
    Faces.redirect(Faces.getRequestContextPath() + "/security/view-my-data");
  }

  /** The same data as a JSON file. */
  public void download() throws IOException {
    byte[] json = JSON.toJson(security.myData()).getBytes(StandardCharsets.UTF_8);
    Faces.sendFile(json, "smek-my-data.json", true);
  }

  public List<Language> getLanguages() {
    return activeLocale.getAvailable();
  }

  public PersonalData getData() {
    return data;
  }

  public Long getPersonId() {
    return personId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }
}
