-- Extensions, enums, a DO block, a function and a trigger.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;
CREATE TYPE priority AS ENUM ('LOW', 'MEDIUM', 'HIGH');

BEGIN;
CREATE TABLE "todos" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "title" varchar(200) NOT NULL CHECK (char_length("title") >= 1),
  "code" text CHECK ("code" ~ '^[A-Z]{2}-[0-9]{3}$'),
  "slug" text CHECK ("slug" ~* '^[a-z0-9-]+$'), /* a block comment; with a semicolon */
  "note" text DEFAULT 'it''s; fine',
  "priority" priority NOT NULL DEFAULT 'LOW',
  "payload" jsonb,
  "created_at" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX "todos_title_idx" ON "todos" ("title");
COMMIT;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN
    CREATE ROLE app;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $body$
BEGIN
  NEW.created_at := now();
  RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

CREATE TRIGGER todos_touch BEFORE UPDATE ON "todos" FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
INSERT INTO "todos" ("title") VALUES ('first') ON CONFLICT DO NOTHING;
