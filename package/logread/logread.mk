# logread: the reader for logd's RAM log, busybox-logread-style lines.
# Sources are in this folder.
LOGREAD_DEPENDENCIES = libkeel

$(eval $(keel-package))
