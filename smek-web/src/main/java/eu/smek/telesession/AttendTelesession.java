package eu.smek.telesession;

import eu.smek.faces.ActiveLocale;
import eu.smek.shared.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.ResourceBundle;

/**
 * The room of a telesession: the page only sets the stage (the session, the texts in the user's
 * language); everything live goes over the room's WebSocket ({@link RoomEndpoint}) and its script.
 */
@Named
@RequestScoped
public class AttendTelesession {

  private static final String PREFIX = "telesession.room.";

  @Inject private TelesessionService telesessions;
  @Inject private ActiveLocale activeLocale;

  private Long id;
  private Telesession session;

  public void load() {
    if (id == null) {
      org.omnifaces.util.Messages.addGlobalError(
          Messages.format(activeLocale.getLocale(), "telesession.missing"));
      return;
    }
    session = telesessions.get(id);
  }

  public boolean isOpen() {
    return session != null && session.getStatus() == TelesessionStatus.OPEN;
  }

  /** Without a media server the room is a mesh: the notice says how many it holds. */
  public String getMeshNotice() {
    return Messages.format(
        activeLocale.getLocale(), "telesession.room.meshNotice", RoomHub.meshLimit());
  }

  /**
   * The room's texts for its script, as JSON: the {@code telesession.room.*} keys without their
   * prefix, and the vote's choices and kinds under their own keys.
   */
  public String getTexts() {
    ResourceBundle bundle = Messages.bundle(activeLocale.getLocale());
    JsonObjectBuilder texts = Json.createObjectBuilder();
    for (String key : Collections.list(bundle.getKeys())) {
      if (key.startsWith(PREFIX)) {
        texts.add(key.substring(PREFIX.length()), bundle.getString(key));
      } else if (key.startsWith("telesession.choice.") || key.startsWith("telesession.kind.")) {
        texts.add(key.substring("telesession.".length()), bundle.getString(key));
      }
    }
    return texts.build().toString();
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
}
