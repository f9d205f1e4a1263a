package eu.smek.telesession;

import eu.smek.documents.ApprovalState;
import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The minutes of a telesession: the secretary (or chair) edits each language's draft in a rich-text
 * editor and submits them; the coordinators of the towns present approve or reject them for their
 * town; once approved, the secretary publishes them. Everyone invited reads them here. What the
 * editor sends is sanitised by the service, which keeps what this page shows unescaped safe.
 */
@Named
@ViewScoped
public class EditMinutes implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private TelesessionService telesessions;
  @Inject private ActiveLocale activeLocale;

  private Long id;
  private Telesession session;
  private boolean keeper;
  private List<Minutes> minutes = List.of();
  private Map<Language, ApprovalState> approval = Map.of();
  private Language language;
  private long version;
  private String html;
  private String comment;

  public void load() {
    if (id == null) {
      org.omnifaces.util.Messages.addGlobalError(
          Messages.format(activeLocale.getLocale(), "telesession.missing"));
      return;
    }
    session = telesessions.get(id);
    keeper = telesessions.keepsMinutes(session);
    minutes = telesessions.minutes(id);
    approval = telesessions.minutesApproval(id);
    if (language == null) {
      Language mine = activeLocale.getLanguage();
      language =
          minutes.stream().anyMatch(m -> m.getLanguage() == mine)
              ? mine
              : TelesessionService.MINUTES_LANGUAGES.get(0);
    }
    show();
  }

  /** Shows the chosen language's text in the editor; unsaved changes of another are dropped. */
  public void choose() {
    show();
  }

  public void save() {
    Minutes saved = telesessions.saveMinutes(id, language, version, html == null ? "" : html);
    load();
    info(
        "telesession.minutes.saved",
        Messages.format(activeLocale.getLocale(), "language." + saved.getLanguage().name()));
  }

  public void submit() {
    telesessions.submitMinutes(id);
    load();
    info("telesession.minutes.submitted");
  }

  public void approve() {
    answer(true);
  }

  public void reject() {
    answer(false);
  }

  public void publish() {
    telesessions.publishMinutes(id, session.getVersion());
    load();
    info("telesession.minutes.published");
  }

  private void answer(boolean approve) {
    telesessions.answerMinutes(id, approve, comment);
    comment = null;
    load();
    info("telesession.minutes.answered");
  }

  private void show() {
    minutes.stream()
        .filter(m -> m.getLanguage() == language)
        .findFirst()
        .ifPresent(
            m -> {
              version = m.getVersion();
              html = m.getHtml();
            });
  }

  private void info(String key, Object... arguments) {
    org.omnifaces.util.Messages.addGlobalInfo(
        Messages.format(activeLocale.getLocale(), key, arguments));
  }

  /** Whether the keeper may change and submit the minutes now. */
  public boolean isEditable() {
    return keeper
        && session != null
        && session.getStatus() == TelesessionStatus.MINUTES_DRAFTED
        && !isPending();
  }

  /** Whether the minutes wait for the towns' answers. */
  public boolean isPending() {
    return session != null
        && session.getStatus() == TelesessionStatus.MINUTES_DRAFTED
        && approval.containsValue(ApprovalState.PENDING);
  }

  public boolean isPublishable() {
    return keeper
        && session != null
        && (session.getStatus() == TelesessionStatus.MINUTES_APPROVED
            || (session.getStatus() == TelesessionStatus.MINUTES_DRAFTED
                && !approval.isEmpty()
                && approval.values().stream().allMatch(s -> s == ApprovalState.APPROVED)));
  }

  public List<Language> getLanguages() {
    return minutes.stream().map(Minutes::getLanguage).toList();
  }

  /** The submitted document of a language, for its link. */
  public Long documentOf(Language of) {
    return minutes.stream()
        .filter(m -> m.getLanguage() == of)
        .findFirst()
        .map(Minutes::getDocumentId)
        .orElse(null);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Telesession getSession() {
    return session;
  }

  public List<Minutes> getMinutes() {
    return minutes;
  }

  public Map<Language, ApprovalState> getApproval() {
    return approval;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  public String getHtml() {
    return html;
  }

  public void setHtml(String html) {
    this.html = html;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
