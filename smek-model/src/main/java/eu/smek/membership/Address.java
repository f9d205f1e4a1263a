package eu.smek.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A postal address inside the organisation's country. */
@Embeddable
public class Address implements Serializable {

  @Size(max = 200)
  @Column(length = 200)
  private String street;

  @Size(max = 16)
  @Column(name = "postal_code", length = 16)
  private String postalCode;

  @Size(max = 100)
  @Column(length = 100)
  private String city;

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }
}
