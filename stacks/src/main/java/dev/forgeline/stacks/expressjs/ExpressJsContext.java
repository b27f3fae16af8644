package dev.forgeline.stacks.expressjs;

import dev.forgeline.stacks.render.ProjectModel;

/**
 * What the express-js templates see as {@code expressJs} besides the shared model: the OpenAPI document (built on
 * first use, once per project model, since only one template needs it).
 */
public final class ExpressJsContext {
    private final ProjectModel project;
    private String openapiJson;

    public ExpressJsContext(ProjectModel project) {
        this.project = project;
    }

    /** Whether openapi.json declares fields as pattern properties, which Redocly cannot see as required ones. */
    public boolean hasPatternFields() {
        return OpenApiDocument.hasPatternFields(project);
    }

    /** The OpenAPI 3.1 document of the project, pretty-printed JSON. */
    public synchronized String openapiJson() {
        if (openapiJson == null) {
            openapiJson = OpenApiDocument.json(project);
        }
        return openapiJson;
    }
}
