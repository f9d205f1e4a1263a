package eu.smek.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The signed-in user's notifications, newest first; opening the page marks them read. */
@Named
@RequestScoped
public class ViewNotifications {

  private static final int SHOWN = 100;

  @Inject private SecurityService security;

  private List<Notification> notifications;

  public void load() {
    notifications = security.notifications(0, SHOWN);
    security.markNotificationsRead();
  }

  public List<Notification> getNotifications() {
    return notifications;
  }
}
