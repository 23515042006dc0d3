# Sets each service role's password from the environment (INTAKE_DB_PASSWORD, ADVICE_DB_PASSWORD,
# REMINDER_DB_PASSWORD, which compose requires), after 10-crampcare.sql created the roles: once, when PostgreSQL
# initialises an empty volume. The image's entry point sources it. psql variables, so no password is quoted by hand.
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --no-password --dbname "${POSTGRES_DB:-postgres}" -q \
  -v intake="${INTAKE_DB_PASSWORD:?}" -v advice="${ADVICE_DB_PASSWORD:?}" -v reminder="${REMINDER_DB_PASSWORD:?}" <<'SQL'
ALTER ROLE intake_svc PASSWORD :'intake';
ALTER ROLE advice_svc PASSWORD :'advice';
ALTER ROLE reminder_svc PASSWORD :'reminder';
SQL
