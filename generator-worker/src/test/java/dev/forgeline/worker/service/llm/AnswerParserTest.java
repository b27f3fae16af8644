package dev.forgeline.worker.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.SizeLimits;

class AnswerParserTest {
    private static final List<String> PLAN = List.of("src/app.js", "src/routes/index.js", "package.json");
    private static final String APP = "'use strict';\n\nmodule.exports = { createApp: () => null };\n";
    private static final String ROUTES = "'use strict';\n\nconst express = require('express');\nmodule.exports = express.Router();\n";
    private static final String PACKAGE = "{\n  \"name\": \"todo-api\"\n}\n";

    @Test
    void filesObjectInJsonIsReadWithTheChatterAroundItIgnored() {
        String answer = "Here is the module:\n```json\n{\"files\": [{\"path\": \"src/app.js\", \"content\": "
                + quote(APP) + "}, {\"path\": \"./src/routes/index.js\", \"content\": " + quote(ROUTES) + "}]}\n```\n"
                + "Hope this helps!";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.files()).containsOnlyKeys("src/app.js", "src/routes/index.js");
        assertThat(result.files().get("src/app.js")).isEqualTo(APP);
        assertThat(result.files().get("src/routes/index.js")).isEqualTo(ROUTES);
        assertThat(result.missing(PLAN)).containsExactly("package.json");
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void bareJsonArrayAndPathToContentMapAreRead() {
        String array = "[{\"filename\": \"src/app.js\", \"code\": " + quote(APP) + "}]";
        String map = "{\"files\": {\"package.json\": " + quote(PACKAGE) + "}}";

        assertThat(AnswerParser.parse(array, PLAN).files()).containsEntry("src/app.js", APP);
        assertThat(AnswerParser.parse(map, PLAN).files()).containsEntry("package.json", PACKAGE);
    }

    @Test
    void jsonContentWrappedInItsOwnFenceLosesTheFence() {
        String answer = "{\"files\": [{\"path\": \"src/app.js\", \"content\": " + quote("```javascript\n" + APP + "```")
                + "}]}";

        assertThat(AnswerParser.parse(answer, PLAN).files().get("src/app.js")).isEqualTo(APP);
    }

    @Test
    void fencedBlocksAreNamedByHeadingBoldTextOrInfoString() {
        String answer = "### `src/app.js`\n```js\n" + APP + "```\n\n"
                + "**File: src/routes/index.js**\n\n```javascript\n" + ROUTES + "```\n\n"
                + "```json package.json\n" + PACKAGE + "```\n";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.files()).containsExactly(java.util.Map.entry("src/app.js", APP),
                java.util.Map.entry("src/routes/index.js", ROUTES), java.util.Map.entry("package.json", PACKAGE));
        assertThat(result.missing(PLAN)).isEmpty();
    }

    @Test
    void pathCommentOnTheFirstLineNamesTheBlockAndIsRemoved() {
        String answer = "```js\n// src/app.js\n" + APP + "```\n```\n<!-- package.json -->\n" + PACKAGE + "```\n";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.files().get("src/app.js")).isEqualTo(APP);
        assertThat(result.files().get("package.json")).isEqualTo(PACKAGE);
    }

    @Test
    void chatterBetweenBlocksAndThinkingAreNotPartOfAnyFile() {
        String answer = "<think>The user wants an Express app. Let me write src/app.js first.</think>\n"
                + "Sure! First the app:\n\nsrc/app.js:\n```js\n" + APP + "```\n"
                + "This file creates the Express application. Next, the router.\n\n"
                + "`src/routes/index.js`\n```js\n" + ROUTES + "```\nLet me know if you need anything else!\n";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.files()).containsEntry("src/app.js", APP).containsEntry("src/routes/index.js", ROUTES);
        assertThat(String.join("", result.files().values())).doesNotContain("Sure!", "Let me know", "think");
    }

    @Test
    void markdownFencedWithFourBackticksKeepsItsInnerFences() {
        String readme = "# todo-api\n\n```bash\nnpm install\n```\n";
        AnswerParser.Result result = AnswerParser.parse("### README.md\n````markdown\n" + readme + "````\n",
                List.of("README.md"));

        assertThat(result.files().get("README.md")).isEqualTo(readme);
    }

    @Test
    void oneUnnamedBlockForAOneFilePlanIsThatFile() {
        AnswerParser.Result result = AnswerParser.parse("```js\n" + APP + "```", List.of("src/app.js"));

        assertThat(result.files()).containsEntry("src/app.js", APP);
    }

    @Test
    void lastBlockLeftOpenByACutOffAnswerIsKept() {
        AnswerParser.Result result = AnswerParser.parse("### src/app.js\n```js\n" + APP + "\n", PLAN);

        assertThat(result.files().get("src/app.js")).isEqualTo(APP);
        assertThat(result.notes()).anyMatch(n -> n.contains("not closed"));
    }

    @Test
    void absolutePathsDotDotSegmentsAndBackslashesAreRejectedWithTheirRule() {
        String answer = "{\"files\": ["
                + "{\"path\": \"/etc/passwd\", \"content\": \"x\"},"
                + "{\"path\": \"src/../../outside.js\", \"content\": \"x\"},"
                + "{\"path\": \"C:\\\\temp\\\\x.js\", \"content\": \"x\"},"
                + "{\"path\": \"src/app.js\", \"content\": " + quote(APP) + "}]}";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.rejected()).extracting(AnswerParser.Rejection::path)
                .containsExactly("/etc/passwd", "src/../../outside.js", "C:\\temp\\x.js");
        assertThat(result.rejected()).extracting(AnswerParser.Rejection::rule).containsOnly("path.unsafe");
        assertThat(result.rejected()).extracting(AnswerParser.Rejection::message)
                .containsExactly("absolute path", "'..' segment", "absolute path");
        assertThat(result.files()).containsOnlyKeys("src/app.js");
    }

    @Test
    void headingThatIsOnlyAnUnsafePathIsRejectedButAPathInASentenceIsNot() {
        String answer = "### ../secrets.js\n```js\n" + APP + "```\n"
                + "It requires ../models/index.js from the models module:\n```js\n// src/app.js\n" + APP + "```\n";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.rejected()).extracting(AnswerParser.Rejection::path).containsExactly("../secrets.js");
        assertThat(result.files()).containsOnlyKeys("src/app.js");
    }

    @Test
    void safePathOutsideThePlanIsDroppedAndListed() {
        String answer = "### src/app.js\n```js\n" + APP + "```\n### src/utils/helpers.js\n```js\n" + APP + "```\n";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.files()).containsOnlyKeys("src/app.js");
        assertThat(result.dropped()).containsExactly("src/utils/helpers.js");
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void fileOverTheSizeLimitIsRejected() {
        String big = "x".repeat(SizeLimits.MAX_FILE_BYTES + 1);
        AnswerParser.Result result = AnswerParser.parse("### src/app.js\n```js\n" + big + "\n```\n", PLAN);

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("src/app.js");
            assertThat(r.rule()).isEqualTo("file.size");
        });
        assertThat(result.files()).isEmpty();
    }

    @Test
    void pathGivenTwiceKeepsTheLastVersion() {
        String answer = "### src/app.js\n```js\nold\n```\n### src/app.js\n```js\n" + APP + "```\n";

        AnswerParser.Result result = AnswerParser.parse(answer, PLAN);

        assertThat(result.files().get("src/app.js")).isEqualTo(APP);
        assertThat(result.notes()).anyMatch(n -> n.contains("more than once"));
    }

    @Test
    void windowsLineEndingsAreNormalised() {
        AnswerParser.Result result = AnswerParser.parse("### src/app.js\r\n```js\r\n'use strict';\r\n```\r\n", PLAN);

        assertThat(result.files().get("src/app.js")).isEqualTo("'use strict';\n");
    }

    private static String quote(String s) {
        return dev.forgeline.contracts.Json.write(s);
    }
}
