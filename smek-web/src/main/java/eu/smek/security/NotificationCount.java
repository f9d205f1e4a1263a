package eu.smek.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** How many notifications the signed-in user has not read, for the header; read once a request. */
@Named
@RequestScoped
public class NotificationCount {

  @Inject private SecurityService security;

  private long unread;

  @PostConstruct
  void load() {
    unread = security.unreadNotifications();
  }

  public long getUnread() {
    return unread;
  }
}
