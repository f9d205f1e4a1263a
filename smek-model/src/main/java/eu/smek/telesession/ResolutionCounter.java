package eu.smek.telesession;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;

/**
 * The last resolution number given in a calendar year. Locked pessimistically while a number is
 * taken, so that numbers are unique and without gaps also across cluster nodes.
 */
@Entity
@Table(name = "telesession_resolution_counter")
public class ResolutionCounter implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @Column(name = "resolution_year")
  private int year;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected ResolutionCounter() {}

  public ResolutionCounter(int year) {
    this.year = year;
  }

  /** The next number, taken. */
  public int next() {
    return ++lastNumber;
  }

  public int getYear() {
    return year;
  }

  public int getLastNumber() {
    return lastNumber;
  }
}
