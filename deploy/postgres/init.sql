-- CrampCare database objects: per service a schema and a login role that can use only that schema.
-- Used by compose (docker-entrypoint-initdb.d), the local stack and the tests. Safe to run again and in
-- any database: roles are cluster-wide (created only if missing), schemas and grants are per database.
-- The role passwords are development defaults (the local stack, the tests); compose sets its own from .env at
-- initialisation (role-passwords.sh); other deployments set theirs with ALTER ROLE.

DO $$
DECLARE
  service text;
  role_name text;
BEGIN
  FOREACH service IN ARRAY ARRAY['intake', 'advice', 'reminder'] LOOP
    role_name := service || '_svc';
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', role_name, role_name);
    END IF;
    -- The role owns its schema, so its Flyway can migrate it; nobody else gets USAGE on it.
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', service, role_name);
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', service);
    EXECUTE format('ALTER ROLE %I SET search_path = %I', role_name, service);
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), role_name);
  END LOOP;
  -- Only the owner and the service roles connect to this database.
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

-- The privacy registry (issue 32): one schema the three services share, for what concerns a person across all of
-- them (erasures, and their progress in each service). It belongs to a role nobody logs in as; the services are its
-- members, so whichever service migrates first creates its tables (service-support db/privacy, each migration hands
-- its tables to privacy_owner) and every service may read and change its rows. Nothing else is in it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'privacy_owner') THEN
    CREATE ROLE privacy_owner NOLOGIN;
  END IF;
END
$$;
GRANT privacy_owner TO intake_svc, advice_svc, reminder_svc;
CREATE SCHEMA IF NOT EXISTS privacy AUTHORIZATION privacy_owner;
REVOKE ALL ON SCHEMA privacy FROM PUBLIC;
-- Flyway's history table there is created by whichever service migrates first: the others use it through the group.
ALTER DEFAULT PRIVILEGES FOR ROLE intake_svc, advice_svc, reminder_svc IN SCHEMA privacy
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO privacy_owner;

-- No service creates objects outside its own schema (and the privacy registry above).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
