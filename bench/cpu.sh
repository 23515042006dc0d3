# CPU readers the bench scripts share (sourced, not run). Figures are user + system time from /proc, in ms.

cpu_ms() { # of one process; 0 once it has gone
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# PostgreSQL's: every server process alive now, plus what the postmaster (the oldest) has collected from the backends
# that exited (cutime + cstime). Without that part a connection closed during a measurement took its whole CPU out of
# the sum: a roll-forward run once read -98 s of PostgreSQL CPU per minute.
postgres_cpu_ms() {
  local pid total=0 postmaster
  for pid in $(pgrep -u postgres postgres); do total=$((total + $(cpu_ms "$pid"))); done
  postmaster=$(pgrep -o -u postgres postgres) || { echo "$total"; return; }
  echo $((total + $(awk -v hz="$(getconf CLK_TCK)" '{ print int(($16 + $17) * 1000 / hz) }' \
    "/proc/$postmaster/stat" 2>/dev/null || echo 0)))
}

# CPU ms of every thread of one process, for the thread-group profile: a JSON object
#   {"total": <the process's ms>, "threads": {"<tid>": ["<name>", <ms>], ...}}
# Thread names are the kernel's (15 characters: "C2 CompilerThre", "vert.x-eventloo"). A thread that exits during a
# window takes its CPU out of the per-thread sums but not out of the total, so report.py counts the difference as
# "exited threads" instead of letting its group go negative.
threads_cpu_json() {
  local total
  total=$(cpu_ms "$1")
  { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk -v hz="$(getconf CLK_TCK)" -v total="$total" '
    BEGIN { printf "{\"total\": %d, \"threads\": {", total }
    { # stat: tid (name) state ... with utime and stime the 12th and 13th fields after the name; a name may hold spaces
      # and parentheses, so split after the last ")".
      close_at = 0; for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { close_at = i; break }
      name = substr($0, index($0, "(") + 1, close_at - index($0, "(") - 1)
      gsub(/[\\"]/, "_", name)
      split(substr($0, close_at + 2), f, " ")
      printf "%s\"%s\": [\"%s\", %d]", (n++ ? ", " : ""), $1, name, (f[12] + f[13]) * 1000 / hz
    }
    END { printf "}}" }'
}
