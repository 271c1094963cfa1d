# keel-upgrade: the device side of A/B upgrades: checks a signed bundle,
# writes the inactive slot, then flips the boot state (docs/ab-layout.md).
# Installs /usr/sbin/keel-upgrade and the key it trusts, /etc/keel/bundle.pub:
# the public half of $KEEL_SIGNING_KEY, or of the development key that
# support/mkbundle keeps in $(KEEL_CACHE)/keys/.
KEEL_UPGRADE_DEPENDENCIES = libkeel libsodium host-keel-bundle
# A different signing key reinstalls the package (so the image trusts it).
KEEL_UPGRADE_CONFIG_FILES = $(wildcard $(KEEL_SIGNING_KEY) $(KEEL_CACHE)/keys/bundle.key)

$(eval $(keel-package))

# After the eval: keel-package defined the plain install; add the key.
define KEEL_UPGRADE_INSTALL_TARGET_CMDS
	$(KEEL_UPGRADE_MAKE) DESTDIR=$(TARGET_DIR) install
	KEEL_CACHE=$(KEEL_CACHE) $(TOPDIR)/support/mkbundle --tool $(HOST_DIR)/bin/keel-bundle \
		pubkey $(TARGET_DIR)/etc/keel/bundle.pub >/dev/null
endef
