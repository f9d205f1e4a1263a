package eu.smek.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.junit.jupiter.api.Test;

/** The rights of each role, checked the way Shiro checks them (wildcard implication). */
class RolePermissionsTest {

  private static final long PRZEMYSL = 4;
  private static final long JASLO = 7;

  private static boolean permits(Set<String> granted, String required) {
    WildcardPermission wanted = new WildcardPermission(required);
    return granted.stream().map(WildcardPermission::new).anyMatch(p -> p.implies(wanted));
  }

  @Test
  void associationAdministratorManagesTheWholeNetwork() {
    Set<String> admin = RolePermissions.of(Role.ASSOCIATION_ADMINISTRATOR, 2);
    assertThat(permits(admin, Permissions.MEMBERSHIP_VIEW)).isTrue();
    assertThat(permits(admin, Permissions.MEMBERSHIP_MANAGE)).isTrue();
    assertThat(permits(admin, Permissions.scoped(Permissions.MEMBERSHIP_MANAGE_CELL, JASLO)))
        .isTrue();
    assertThat(permits(admin, Permissions.scoped(Permissions.SECURITY_MANAGE_ACCOUNTS, PRZEMYSL)))
        .isTrue();
    assertThat(permits(admin, Permissions.MEMBERSHIP_MANAGE_WORKING_GROUPS)).isTrue();
    assertThat(permits(admin, Permissions.AUDIT_VIEW)).isTrue();
    assertThat(permits(admin, Permissions.OPERATIONS_VIEW)).isFalse();
  }

  @Test
  void townCoordinatorManagesOnlyTheOwnTown() {
    Set<String> coordinator = RolePermissions.of(Role.TOWN_COORDINATOR, PRZEMYSL);
    assertThat(
            permits(coordinator, Permissions.scoped(Permissions.MEMBERSHIP_MANAGE_CELL, PRZEMYSL)))
        .isTrue();
    assertThat(permits(coordinator, Permissions.scoped(Permissions.MEMBERSHIP_MANAGE_CELL, JASLO)))
        .isFalse();
    assertThat(
            permits(
                coordinator, Permissions.scoped(Permissions.SECURITY_MANAGE_ACCOUNTS, PRZEMYSL)))
        .isTrue();
    assertThat(
            permits(coordinator, Permissions.scoped(Permissions.SECURITY_MANAGE_ACCOUNTS, JASLO)))
        .isFalse();
    assertThat(permits(coordinator, Permissions.MEMBERSHIP_MANAGE)).isFalse();
    assertThat(permits(coordinator, Permissions.MEMBERSHIP_MANAGE_WORKING_GROUPS)).isFalse();
    assertThat(permits(coordinator, Permissions.AUDIT_VIEW)).isFalse();
  }

  @Test
  void clerkSeesTheDirectoryAndUsesTheApiOnly() {
    Set<String> clerk = RolePermissions.of(Role.CLERK, PRZEMYSL);
    assertThat(permits(clerk, Permissions.MEMBERSHIP_VIEW)).isTrue();
    assertThat(permits(clerk, Permissions.SECURITY_USE_API)).isTrue();
    assertThat(permits(clerk, Permissions.scoped(Permissions.MEMBERSHIP_MANAGE_CELL, PRZEMYSL)))
        .isFalse();
    assertThat(permits(clerk, Permissions.MEMBERSHIP_MANAGE_WORKING_GROUPS)).isFalse();
    assertThat(permits(clerk, Permissions.AUDIT_VIEW)).isFalse();
    assertThat(permits(clerk, Permissions.OPERATIONS_VIEW)).isFalse();
  }

  @Test
  void itOperatorSeesTheServerAndTheAuditLogButNoMembershipChanges() {
    Set<String> operator = RolePermissions.of(Role.IT_OPERATOR, 2);
    assertThat(permits(operator, Permissions.OPERATIONS_VIEW)).isTrue();
    assertThat(permits(operator, Permissions.AUDIT_VIEW)).isTrue();
    assertThat(permits(operator, Permissions.MEMBERSHIP_MANAGE)).isFalse();
    assertThat(permits(operator, Permissions.MEMBERSHIP_MANAGE_WORKING_GROUPS)).isFalse();
    assertThat(permits(operator, Permissions.scoped(Permissions.SECURITY_MANAGE_ACCOUNTS, 2)))
        .isFalse();
  }

  @Test
  void everyRoleSeesCalendarsAndTownRolesEditThem() {
    for (Role role : Role.values()) {
      assertThat(permits(RolePermissions.of(role, PRZEMYSL), Permissions.CALENDAR_VIEW))
          .as(role.name())
          .isTrue();
    }
    assertThat(permits(RolePermissions.of(Role.CLERK, PRZEMYSL), Permissions.CALENDAR_EDIT))
        .isTrue();
    assertThat(
            permits(RolePermissions.of(Role.TOWN_COORDINATOR, PRZEMYSL), Permissions.CALENDAR_EDIT))
        .isTrue();
    assertThat(
            permits(
                RolePermissions.of(Role.ASSOCIATION_ADMINISTRATOR, 2), Permissions.CALENDAR_EDIT))
        .isTrue();
    assertThat(permits(RolePermissions.of(Role.IT_OPERATOR, 2), Permissions.CALENDAR_EDIT))
        .isFalse();
  }

  @Test
  void coordinatorsManageTheirOwnTownsRoomsAndClerksNone() {
    String own = Permissions.scoped(Permissions.CALENDAR_MANAGE_RESOURCES, PRZEMYSL);
    String other = Permissions.scoped(Permissions.CALENDAR_MANAGE_RESOURCES, PRZEMYSL + 1);
    assertThat(permits(RolePermissions.of(Role.TOWN_COORDINATOR, PRZEMYSL), own)).isTrue();
    assertThat(permits(RolePermissions.of(Role.TOWN_COORDINATOR, PRZEMYSL), other)).isFalse();
    assertThat(permits(RolePermissions.of(Role.CLERK, PRZEMYSL), own)).isFalse();
    assertThat(permits(RolePermissions.of(Role.IT_OPERATOR, PRZEMYSL), own)).isFalse();
    assertThat(permits(RolePermissions.of(Role.ASSOCIATION_ADMINISTRATOR, 2), own)).isTrue();
  }

  @Test
  void severalRolesAddUp() {
    Set<String> both = RolePermissions.of(Set.of(Role.CLERK, Role.IT_OPERATOR), PRZEMYSL);
    assertThat(both)
        .containsAll(RolePermissions.of(Role.CLERK, PRZEMYSL))
        .containsAll(RolePermissions.of(Role.IT_OPERATOR, PRZEMYSL));
  }

  @Test
  void everyRoleMayUseTheApiAndSeeTheNetwork() {
    for (Role role : Role.values()) {
      Set<String> granted = RolePermissions.of(role, PRZEMYSL);
      assertThat(permits(granted, Permissions.SECURITY_USE_API)).as(role.name()).isTrue();
      assertThat(permits(granted, Permissions.MEMBERSHIP_VIEW)).as(role.name()).isTrue();
    }
  }

  @Test
  void coordinatorsAndAdministratorsManageTelesessionsClerksOnlySeeThem() {
    Set<String> admin = RolePermissions.of(Role.ASSOCIATION_ADMINISTRATOR, 2);
    Set<String> coordinator = RolePermissions.of(Role.TOWN_COORDINATOR, PRZEMYSL);
    Set<String> clerk = RolePermissions.of(Role.CLERK, PRZEMYSL);
    Set<String> operator = RolePermissions.of(Role.IT_OPERATOR, 2);
    assertThat(permits(admin, Permissions.TELESESSION_MANAGE)).isTrue();
    assertThat(permits(admin, Permissions.TELESESSION_VIEW)).isTrue();
    assertThat(permits(coordinator, Permissions.TELESESSION_MANAGE)).isTrue();
    assertThat(permits(coordinator, Permissions.TELESESSION_VIEW)).isTrue();
    assertThat(permits(clerk, Permissions.TELESESSION_VIEW)).isTrue();
    assertThat(permits(clerk, Permissions.TELESESSION_MANAGE)).isFalse();
    assertThat(permits(operator, Permissions.TELESESSION_VIEW)).isFalse();
  }
}
