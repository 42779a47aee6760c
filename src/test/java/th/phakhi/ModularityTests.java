package th.phakhi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build on a dependency cycle between modules or a reach into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
