package eu.smek.shared;

import jakarta.ejb.ApplicationException;
import java.io.Serial;
import java.util.List;

/**
 * A broken business rule. Each rule has its own subclass carrying a message-bundle key, so the web
 * layer can show a translated message without knowing the rule. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final List<Object> arguments;

  protected BusinessException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  /** The key of the translated message in the {@code messages} bundle. */
  public String getMessageKey() {
    return messageKey;
  }

  /** Arguments for the message's {@link java.text.MessageFormat} placeholders. */
  public Object[] getArguments() {
    return arguments.toArray();
  }
}
