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
