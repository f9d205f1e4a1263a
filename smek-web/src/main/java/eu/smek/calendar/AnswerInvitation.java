package eu.smek.calendar;

import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Where an invitee answers with the link from their e-mail, without signing in: the event, their
 * answer so far, and three buttons. Following the link records nothing (mail scanners open links),
 * only a button does. A wrong, withdrawn, replaced or outdated link gets one translated message.
 */
@Named
@ViewScoped
public class AnswerInvitation implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private CalendarService calendar;
  @Inject private ActiveLocale activeLocale;

  private String token;
  private TokenInvitation invitation;

  public void load() {
    invitation = calendar.invitationByToken(token);
  }

  public void answer(String answer) {
    invitation = calendar.answerByToken(token, Answer.valueOf(answer));
    org.omnifaces.util.Messages.addGlobalInfo(
        Messages.format(activeLocale.getLocale(), "calendar.invitation.answered", getAnswerText()));
  }

  /** When the event takes place, in its own zone, which the page names. */
  public String getWhen() {
    if (invitation == null) {
      return "";
    }
    if (invitation.allDay()) {
      DateTimeFormatter days =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(activeLocale.getLocale());
      return days.format(invitation.start().toLocalDate())
          + (invitation.end().toLocalDate().minusDays(1).equals(invitation.start().toLocalDate())
              ? ""
              : " – " + days.format(invitation.end().toLocalDate().minusDays(1)));
    }
    DateTimeFormatter full =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(activeLocale.getLocale());
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(activeLocale.getLocale());
    boolean sameDay = invitation.start().toLocalDate().equals(invitation.end().toLocalDate());
    return full.format(invitation.start())
        + " – "
        + (sameDay ? time.format(invitation.end()) : full.format(invitation.end()))
        + " ("
        + invitation.start().getZone().getId()
        + ")";
  }

  public String getAnswerText() {
    return invitation == null
        ? ""
        : Messages.format(
            activeLocale.getLocale(), "calendar.answer." + invitation.answer().name());
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public TokenInvitation getInvitation() {
    return invitation;
  }
}
