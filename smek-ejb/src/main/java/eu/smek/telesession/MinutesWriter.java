package eu.smek.telesession;

import static eu.smek.telesession.MinutesHtml.escape;

import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Writes the draft of the minutes in one language from the session's record: the heading, when and
 * who chaired and kept the minutes, the attendance as a table, then each agenda item with its
 * motions, their results and resolution numbers. Every text comes from that language's bundle; the
 * draft is what the secretary starts editing from.
 */
public final class MinutesWriter {

  private MinutesWriter() {}

  public static String draft(MinutesFacts facts, Language language) {
    Locale locale = language.locale();
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(facts.zone());
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(facts.zone());
    StringBuilder html = new StringBuilder(4096);
    html.append("<h1>")
        .append(text(locale, "telesession.minutes.heading", facts.title()))
        .append("</h1>");
    html.append("<p>")
        .append(text(locale, "telesession.minutes.held", format(when, facts.start())))
        .append(' ')
        .append(escape(facts.zone().getId()))
        .append("</p>");
    html.append("<p>")
        .append(text(locale, "telesession.organiser"))
        .append(": ")
        .append(escape(facts.organiser()))
        .append("<br />")
        .append(text(locale, "telesession.chair"))
        .append(": ")
        .append(escape(facts.chair()))
        .append("<br />")
        .append(text(locale, "telesession.secretary"))
        .append(": ")
        .append(escape(facts.secretary()))
        .append("</p>");

    html.append("<h2>").append(text(locale, "telesession.attendance")).append("</h2>");
    if (facts.attendance().isEmpty()) {
      html.append("<p>").append(text(locale, "telesession.minutes.nobody")).append("</p>");
    } else {
      html.append("<table><thead><tr>");
      for (String key :
          new String[] {
            "telesession.attendance.person",
            "telesession.attendance.organisation",
            "telesession.attendance.joined",
            "telesession.attendance.left"
          }) {
        html.append("<th scope=\"col\">").append(text(locale, key)).append("</th>");
      }
      html.append("</tr></thead><tbody>");
      for (MinutesFacts.Present present : facts.attendance()) {
        html.append("<tr><td>")
            .append(escape(present.person()))
            .append("</td><td>")
            .append(escape(present.organisation()))
            .append("</td><td>")
            .append(format(time, present.joined()))
            .append("</td><td>")
            .append(format(time, present.left()))
            .append("</td></tr>");
      }
      html.append("</tbody></table>");
    }

    html.append("<h2>").append(text(locale, "telesession.agenda")).append("</h2>");
    if (facts.agenda().isEmpty()) {
      html.append("<p>").append(text(locale, "telesession.agenda.none")).append("</p>");
    }
    for (MinutesFacts.Item item : facts.agenda()) {
      html.append("<h3>").append(item.number()).append(". ").append(escape(item.title()));
      html.append("</h3>");
      if (item.presenter() != null) {
        html.append("<p>")
            .append(text(locale, "telesession.agenda.presenter"))
            .append(": ")
            .append(escape(item.presenter()))
            .append("</p>");
      }
      for (MinutesFacts.Vote vote : item.motions()) {
        html.append("<p><strong>")
            .append(text(locale, "telesession.motion.text"))
            .append(" (")
            .append(text(locale, "telesession.kind." + vote.kind().name()))
            .append("):</strong> ")
            .append(escape(vote.text()))
            .append("</p>");
        html.append("<ul>");
        if (vote.yes() != null) {
          html.append("<li>")
              .append(
                  text(locale, "telesession.minutes.tally", vote.yes(), vote.no(), vote.abstain()))
              .append("</li>");
        }
        if (vote.present() != null) {
          html.append("<li>")
              .append(
                  text(
                      locale,
                      "telesession.motion.quorumLine",
                      vote.present(),
                      vote.members(),
                      Messages.format(
                          locale,
                          Boolean.TRUE.equals(vote.quorumReached())
                              ? "telesession.motion.quorumReached"
                              : "telesession.motion.quorumMissed")))
              .append("</li>");
        }
        if (vote.adopted() != null) {
          html.append("<li><strong>")
              .append(
                  Boolean.TRUE.equals(vote.adopted())
                      ? text(locale, "telesession.motion.adopted", vote.resolution())
                      : text(locale, "telesession.motion.rejected"))
              .append("</strong></li>");
        }
        html.append("</ul>");
      }
    }
    return html.toString();
  }

  private static String text(Locale locale, String key, Object... arguments) {
    return escape(Messages.format(locale, key, arguments));
  }

  private static String format(DateTimeFormatter formatter, Instant instant) {
    return instant == null ? "" : escape(formatter.format(instant));
  }
}
