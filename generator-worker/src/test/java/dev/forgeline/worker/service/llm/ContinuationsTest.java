package dev.forgeline.worker.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContinuationsTest {

    @Test
    void linesRepeatedAtTheStartOfTheContinuationAreWrittenOnce() {
        String first = "### src/app.js\n```js\nconst a = 1;\nfunction createApp() {\n  return express";
        String next = "function createApp() {\n  return express();\n}\n```\n";

        assertThat(Continuations.join(first, next))
                .isEqualTo("### src/app.js\n```js\nconst a = 1;\nfunction createApp() {\n  return express();\n}\n```\n");
    }

    @Test
    void fenceReopenedByTheContinuationIsDropped() {
        String first = "### src/app.js\n```js\nconst a = 1;\n";
        String next = "```js\nconst b = 2;\n```\n";

        assertThat(Continuations.join(first, next)).isEqualTo("### src/app.js\n```js\nconst a = 1;\nconst b = 2;\n```\n");
    }

    @Test
    void continuationAfterAClosedBlockIsAppendedAsIs() {
        String first = "### a.js\n```js\nx\n```\n";
        String next = "### b.js\n```js\ny\n```\n";

        assertThat(Continuations.join(first, next)).isEqualTo(first + next);
        assertThat(Continuations.insideFence(first)).isFalse();
    }
}
