# keel-config: `keel-config check` validates /etc/keel/keel.conf and prints
# the effective settings; `keel-config get KEY` answers shell scripts (the
# udhcpc hook, init scripts). Sources are in this folder; the parser is
# libkeel's.
KEEL_CONFIG_DEPENDENCIES = libkeel

$(eval $(keel-package))
