-- Issue 15: API keys (stored only as SHA-256 of the token), the tenant owning each run, per-tenant
-- Idempotency-Keys, and the audit trail of who submitted, replayed or cancelled a run.

create table api_keys (
    id            uuid primary key,
    tenant        text        not null,
    name          text        not null,
    role          text        not null check (role in ('user', 'admin')),
    token_hash    text        not null unique,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_keys_created_idx on api_keys (created_at);

-- Runs submitted before authentication existed belong to the admin tenant.
alter table runs add column tenant text not null default 'admin';
alter table runs alter column tenant drop default;
alter table runs add column submitted_by text;
alter table runs drop constraint runs_idempotency_key_key;
alter table runs add constraint runs_tenant_idempotency_key_uq unique (tenant, idempotency_key);
create index runs_tenant_created_idx on runs (tenant, created_at);
create index runs_tenant_status_idx on runs (tenant, status, created_at);

create table run_audit (
    id        uuid primary key,
    run_id    uuid        not null references runs (id) on delete cascade,
    action    text        not null check (action in ('SUBMITTED', 'REPLAYED', 'CANCELLED')),
    tenant    text        not null,
    key_name  text        not null,
    at        timestamptz not null
);
create index run_audit_run_idx on run_audit (run_id, at);
