package org.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds, and its diagram in docs/modules is regenerated from the code. */
class ModularityTests {

	ApplicationModules modules = ApplicationModules.of(GrassrootsApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("shared", "units", "people", "audit", "problems", "open311", "learning", "dashboard");
	}

	@Test
	void writesTheModuleDiagram() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
