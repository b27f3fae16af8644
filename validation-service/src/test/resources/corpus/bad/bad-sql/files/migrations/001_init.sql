-- Schema of todo-api.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE "todos" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "title" varchar(200) NOT NULL
  "done" boolean NOT NULL DEFAULT false
);
