package io.crampcare.advice.rest;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.crampcare.contracts.docs.DocsTemplates;
import io.quarkus.qute.Locate;
import io.quarkus.qute.TemplateLocator;

/**
 * Finds the docs templates event-contracts ships (docs-templates/ on the classpath) for the rules page, which
 * includes their page shell so it looks like the event catalogue. Quarkus finds only this service's own templates/.
 */
@Singleton
@Locate("docs-templates/.*")
public class DocsShellLocator implements TemplateLocator {

    @Override
    public Optional<TemplateLocation> locate(String id) {
        return id.startsWith(DocsTemplates.ROOT) ? DocsTemplates.locate(id) : Optional.empty();
    }
}
