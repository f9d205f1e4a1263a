package eu.smek.telesession;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/** One item of a telesession's agenda, at its position (0 first). */
@Entity
@Table(name = "telesession_agenda_item")
public class AgendaItem implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int TITLE_LENGTH = 300;
  public static final int PRESENTER_LENGTH = 200;

  /** The longest an item may be planned for: a working day. */
  public static final int MAXIMUM_MINUTES = 480;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telesession_agenda_item_seq")
  @SequenceGenerator(
      name = "telesession_agenda_item_seq",
      sequenceName = "telesession_agenda_item_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "telesession_id", nullable = false, updatable = false)
  private long telesessionId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = TITLE_LENGTH)
  private String title;

  @Column(length = PRESENTER_LENGTH)
  private String presenter;

  @Column(name = "planned_minutes", nullable = false)
  private int plannedMinutes;

  /** The documents of the session's library attached to the item, by id. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "telesession_agenda_document",
      joinColumns = @JoinColumn(name = "agenda_item_id"))
  @Column(name = "document_id", nullable = false)
  private Set<Long> documentIds = new HashSet<>();

  protected AgendaItem() {}

  public AgendaItem(long telesessionId, int position) {
    this.telesessionId = telesessionId;
    this.position = position;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public long getTelesessionId() {
    return telesessionId;
  }

  public int getPosition() {
    return position;
  }

  public void setPosition(int position) {
    this.position = position;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getPresenter() {
    return presenter;
  }

  public void setPresenter(String presenter) {
    this.presenter = presenter;
  }

  public int getPlannedMinutes() {
    return plannedMinutes;
  }

  public void setPlannedMinutes(int plannedMinutes) {
    this.plannedMinutes = plannedMinutes;
  }

  public Set<Long> getDocumentIds() {
    return documentIds;
  }
}
