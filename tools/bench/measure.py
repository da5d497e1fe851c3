#!/usr/bin/python3
"""One timed run for tools/bench/run.sh.

    measure.py KEY RAW_TSV WORK_DIR CMD...

Runs CMD under /usr/bin/time (peak RSS, as `/usr/bin/time -v` reports it) with stdout
discarded, and appends "KEY wall_s user_s sys_s maxrss_kb" to RAW_TSV. Wall time is taken
around the run; user and system CPU time come from wait4()'s rusage, in microseconds (GNU time
rounds them to 10 ms, too coarse for runs of a few tenths of a second). Exits 1, showing the
command's stderr, if CMD fails.
"""
import os
import subprocess
import sys
import time


def main():
    key, raw, work = sys.argv[1], sys.argv[2], sys.argv[3]
    cmd = sys.argv[4:]
    tfile = os.path.join(work, "time.txt")
    efile = os.path.join(work, "stderr.txt")
    with open(os.devnull, "wb") as out, open(efile, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", tfile] + cmd, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        t1 = time.perf_counter()
        p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.stderr.write("FAILED: %s\n" % " ".join(cmd))
        sys.stderr.write(open(efile, encoding="utf-8", errors="replace").read())
        sys.exit(1)
    rss = open(tfile).read().split()[-1]
    with open(raw, "a") as f:
        f.write("%s\t%.4f\t%.4f\t%.4f\t%s\n" % (key, t1 - t0, ru.ru_utime, ru.ru_stime, rss))


if __name__ == "__main__":
    main()
