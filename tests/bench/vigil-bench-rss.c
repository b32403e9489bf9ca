/* vigil-bench-rss.c: peak resident memory of the process, and its reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vigil-bench.h"

long
vigil_bench_max_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss; /* KiB on Linux */
}

/* Linux: writing 5 to clear_refs resets the peak resident set size, so
 * what follows is measured apart from what came before. */
gboolean
vigil_bench_reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, "5", 1) == 1;
  close (fd);
  return ok;
}
