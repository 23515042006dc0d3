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

-- No service creates objects outside its own schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
