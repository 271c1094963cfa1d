# libkeel: the one C library every Keel program links (logging, clock, event
# loop, child processes). A static library in the staging sysroot; it adds
# nothing to the image by itself.
LIBKEEL_INSTALL_STAGING = YES

$(eval $(keel-package))
