# rootfs: merge the skeleton and every target package's own tree into
# $(TARGET_DIR), refuse anything not statically linked, and pack a read-only,
# reproducible squashfs. Then report what each part costs.
ROOTFS_IMAGE = $(IMAGES_DIR)/rootfs.squashfs
KERNEL_IMAGE = $(IMAGES_DIR)/$(notdir $(BOARD_KERNEL_IMAGE))
ROOTFS_INPUTS := $(shell find $(TOPDIR)/rootfs -type f) $(TOPDIR)/support/mkrootfs
ROOTFS_STAMPS = $(foreach p,$(KEEL_TARGET_PACKAGES),$(BUILD_DIR)/$(p)/.stamp_installed)

images: $(IMAGES_DIR)/size-report.txt

# The image's timestamps and version number come from SOURCE_DATE_EPOCH (the
# last commit): a new commit re-packs it even when no file changed.
ROOTFS_EPOCH_STAMP = $(BUILD_DIR)/.rootfs-epoch
$(shell mkdir -p $(BUILD_DIR) && { [ "$$(cat $(ROOTFS_EPOCH_STAMP) 2>/dev/null)" = "$(SOURCE_DATE_EPOCH) $(KEEL_VERSION)" ] || echo "$(SOURCE_DATE_EPOCH) $(KEEL_VERSION)" > $(ROOTFS_EPOCH_STAMP); })

$(ROOTFS_IMAGE): $(ROOTFS_STAMPS) $(ROOTFS_INPUTS) $(ROOTFS_EPOCH_STAMP)
	@t0=$$(date +%s%N)
	$(file >$(OUT_DIR)/manifest.csv,$(rootfs-manifest))
	$(TOPDIR)/support/mkrootfs --target $(TARGET_DIR) --skeleton $(TOPDIR)/rootfs/skeleton \
		--pseudo $(TOPDIR)/rootfs/skeleton.pseudo --version '$(KEEL_VERSION)' --board $(BOARD) \
		--out $@ $(addprefix $(PER_PACKAGE_DIR)/,$(KEEL_TARGET_PACKAGES))
	mv $(OUT_DIR)/manifest.csv $(IMAGES_DIR)/manifest.csv
	printf 'keel: %-14s %-9s %4d.%01d s\n' rootfs squashfs $$(( ($$(date +%s%N) - t0) / 1000000000 )) $$(( ($$(date +%s%N) - t0) / 100000000 % 10 ))

$(KERNEL_IMAGE): $(BUILD_DIR)/linux/.stamp_installed
	@touch $@

# The A/B disk (docs/ab-layout.md): slot.img is what an upgrade bundle
# carries (squashfs + kernel at 32 MiB), disk.img the factory disk with the
# board's bootloader and slot A.
SLOT_IMAGE = $(IMAGES_DIR)/slot.img
DISK_IMAGE = $(IMAGES_DIR)/disk.img

$(SLOT_IMAGE): $(ROOTFS_IMAGE) $(KERNEL_IMAGE) $(TOPDIR)/support/mkslot
	@$(TOPDIR)/support/mkslot $(ROOTFS_IMAGE) $(KERNEL_IMAGE) $@

$(DISK_IMAGE): $(SLOT_IMAGE) $(TOPDIR)/support/mkdiskimg $(TOPDIR)/support/bootstate \
		$(BOARD_DIR)/board.mk $(wildcard $(BOARD_DIR)/grub*.cfg $(BOARD_DIR)/boot.cmd)
	@t0=$$(date +%s%N)
	$(TOPDIR)/support/mkdiskimg $(BOARD_DIR) $(SLOT_IMAGE) $@
	printf 'keel: %-14s %-9s %4d.%01d s\n' disk.img image $$(( ($$(date +%s%N) - t0) / 1000000000 )) $$(( ($$(date +%s%N) - t0) / 100000000 % 10 ))

$(IMAGES_DIR)/size-report.txt: $(ROOTFS_IMAGE) $(KERNEL_IMAGE) $(DISK_IMAGE) $(TOPDIR)/support/size-report
	@$(TOPDIR)/support/size-report --budget $$((128 * 1024 * 1024)) --kernel $(KERNEL_IMAGE) \
		--rootfs $(ROOTFS_IMAGE) --disk $(DISK_IMAGE) $(addprefix $(PER_PACKAGE_DIR)/,$(KEEL_TARGET_PACKAGES)) > $@.tmp
	mv $@.tmp $@
	cat $@

size-report: $(IMAGES_DIR)/size-report.txt
	@cat $<
.PHONY: size-report

# Licence manifest (package, version, licence, CPE), like Buildroot's legal-info.
define rootfs-manifest
package,version,license,cpe
$(foreach p,$(sort $(PACKAGES)),$(p),$($(call UPPERCASE,$(p))_VERSION),"$($(call UPPERCASE,$(p))_LICENSE)",$(if $($(call UPPERCASE,$(p))_CPE_ID_VENDOR),cpe:2.3:a:$($(call UPPERCASE,$(p))_CPE_ID_VENDOR):$($(call UPPERCASE,$(p))_CPE_ID_PRODUCT):$($(call UPPERCASE,$(p))_VERSION):*:*:*:*:*:*:*)
)
endef

# make bundle: the slot image signed for upgrades (docs/bundle.md), with
# KEEL_SIGNING_KEY or the development key in $(KEEL_CACHE)/keys.
BUNDLE = $(IMAGES_DIR)/keel-$(BOARD)-$(KEEL_VERSION).bundle
bundle: $(SLOT_IMAGE) host-keel-bundle
	@KEEL_CACHE=$(KEEL_CACHE) $(TOPDIR)/support/mkbundle --tool $(HOST_DIR)/bin/keel-bundle create \
		--board $(BOARD) --version '$(KEEL_VERSION)' --version-number $(SOURCE_DATE_EPOCH) \
		--slot-image $(SLOT_IMAGE) -o $(BUNDLE)
	@echo "bundle: $(BUNDLE) ($$(stat -c %s $(BUNDLE)) bytes); install: ssh root@ROUTER keel-upgrade < $(notdir $(BUNDLE))"
.PHONY: bundle
