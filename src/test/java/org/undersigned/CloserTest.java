package org.undersigned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {
    private final List<String> closed = new ArrayList<>();

    @Test
    void parts_close_in_the_reverse_order_of_their_registration() {
        Closer closer = new Closer();
        closer.add("database", () -> closed.add("database"));
        closer.add("mail relay", () -> closed.add("mail relay"));
        closer.add("web server", () -> closed.add("web server"));

        assertThat(closer.closeAll()).isTrue();

        assertThat(closed).containsExactly("web server", "mail relay", "database");
    }

    @Test
    void a_part_failing_to_close_does_not_keep_the_others_open() {
        Closer closer = new Closer();
        closer.add("database", () -> closed.add("database"));
        closer.add("stuck chore", () -> {
            throw new IllegalStateException("stuck");
        });
        closer.add("web server", () -> closed.add("web server"));

        assertThat(closer.closeAll()).as("the failure is reported").isFalse();

        assertThat(closed).containsExactly("web server", "database");
    }

    @Test
    void closing_twice_closes_each_part_once() {
        Closer closer = new Closer();
        closer.add("database", () -> closed.add("database"));

        closer.closeAll();
        assertThat(closer.closeAll()).isTrue();

        assertThat(closed).containsExactly("database");
    }
}
