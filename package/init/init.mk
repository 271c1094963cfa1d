# init: Keel's PID 1. Mounts the system, starts and respawns the console shell,
# reaps orphans and powers off or reboots cleanly. Sources are in this folder.
INIT_DEPENDENCIES = libkeel

$(eval $(keel-package))
