-- Each service erases in two passes (ErasureWorker): the first when it takes its step, the second once every
-- transaction that began before the erasure has ended, for rows such a transaction wrote after the first pass.
ALTER TABLE privacy.erasure_step ADD COLUMN first_pass_at timestamptz;
