# keel-upgrade: the device side of A/B upgrades: checks a signed bundle,
# writes the inactive slot, then flips the boot state (docs/ab-layout.md).
KEEL_UPGRADE_DEPENDENCIES = libkeel libsodium

$(eval $(keel-package))
