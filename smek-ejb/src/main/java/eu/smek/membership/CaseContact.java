package eu.smek.membership;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;

/** Who a membership case is discussed with in the town; they may have no account. */
public record CaseContact(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) String position,
    @NotBlank @Email @Size(max = 254) String email,
    @Size(max = 40) String phone)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;
}
