package org.undersigned.coordinator;

/** Network staff who publish, moderate and export. An admin sees everything and manages coordinators. */
public record Coordinator(long id, String email, String name, Role role, long createdAt) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public String displayName() {
        return name == null || name.isBlank() ? email : name;
    }
}
