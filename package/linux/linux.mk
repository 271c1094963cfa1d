# linux: the kernel, Linux 6.1 LTS from Debian's linux-source-6.1 (the point
# release's version). Configured from tinyconfig plus the shared fragments in
# kernel-config/ and the board's own fragment; built out of tree so the same
# pristine source also serves linux-headers.
LINUX_VERSION = 6.1.176
LINUX_DEBIAN_VERSION = $(LINUX_VERSION)-1
LINUX_SOURCE = linux-source-6.1_$(LINUX_DEBIAN_VERSION)_all.deb
LINUX_DEBIAN_BINARY = linux-source-6.1=$(LINUX_DEBIAN_VERSION)
LINUX_LICENSE = GPL-2.0
LINUX_LICENSE_FILES = COPYING
LINUX_CPE_ID_VENDOR = linux
LINUX_CPE_ID_PRODUCT = linux_kernel
LINUX_OBJ = $(BUILD_DIR)/linux-obj
# Other boards' fragments (BOARD_KERNEL_FRAGMENTS) come last: one kernel per
# architecture also carries the real boards' drivers.
LINUX_FRAGMENTS = $(sort $(wildcard $(TOPDIR)/kernel-config/*.config)) $(BOARD_DIR)/linux.config \
	$(BOARD_KERNEL_FRAGMENTS)
LINUX_CONFIG_FILES = $(LINUX_FRAGMENTS)
LINUX_MAKE = $(MAKE) -C $(LINUX_DIR) O=$(LINUX_OBJ) ARCH=$(BOARD_KERNEL_ARCH) \
	CROSS_COMPILE=$(BOARD_CROSS) CC="$(CCACHE) $(BOARD_CROSS)gcc" \
	KBUILD_BUILD_TIMESTAMP="@$(SOURCE_DATE_EPOCH)" KBUILD_BUILD_USER=keel KBUILD_BUILD_HOST=keel
# The board's DTBs (BOARD_DTBS, relative to arch/<arch>/boot/dts) and the
# boot-path node lists support/dtb-drivers checks them against: any
# board/*/<dtb name>.boot-path. Editing a list or the checker re-runs the
# build step, so the check runs again.
LINUX_DTB_DIR = $(LINUX_OBJ)/arch/$(BOARD_KERNEL_ARCH)/boot/dts
LINUX_BOOT_PATH_LISTS = $(foreach d,$(BOARD_DTBS),$(wildcard $(TOPDIR)/board/*/$(basename $(notdir $(d))).boot-path))

# The .deb holds usr/src/linux-source-6.1.tar.xz; unpack that tarball only.
define LINUX_EXTRACT_CMDS
	dpkg-deb --fsys-tarfile $(DL_DIR)/linux/$(LINUX_SOURCE) \
		| tar -xO ./usr/src/linux-source-6.1.tar.xz \
		| tar -xJ -C $(@D) --strip-components=1 --no-same-owner
endef

define LINUX_CONFIGURE_CMDS
	rm -rf $(LINUX_OBJ) && mkdir -p $(LINUX_OBJ)
	$(LINUX_MAKE) tinyconfig
	cd $(LINUX_OBJ) && KCONFIG_CONFIG=.config $(LINUX_DIR)/scripts/kconfig/merge_config.sh \
		-m -O $(LINUX_OBJ) .config $(LINUX_FRAGMENTS)
	$(LINUX_MAKE) olddefconfig
	$(TOPDIR)/support/kconfig-check $(LINUX_OBJ)/.config $(LINUX_FRAGMENTS)
endef

# A boot-path node without a built driver fails the build: the board would
# not come up (console, disk, network or PMIC missing).
define LINUX_BUILD_CMDS
	$(LINUX_MAKE) -j$(NPROC) $(notdir $(BOARD_KERNEL_IMAGE))
	$(if $(BOARD_DTBS),$(LINUX_MAKE) -j$(NPROC) $(BOARD_DTBS))
	for dtb in $(BOARD_DTBS); do
		name=$${dtb##*/}
		for list in $(TOPDIR)/board/*/$${name%.dtb}.boot-path; do
			[ -e "$$list" ] || continue
			$(TOPDIR)/support/dtb-drivers $(LINUX_DIR) $(LINUX_OBJ) $(LINUX_DTB_DIR)/$$dtb \
				$$(sed 's/#.*//' "$$list")
		done
	done
endef

define LINUX_INSTALL_TARGET_CMDS
	mkdir -p $(IMAGES_DIR)
	cp $(LINUX_OBJ)/$(BOARD_KERNEL_IMAGE) $(IMAGES_DIR)/
	$(if $(BOARD_DTBS),cp $(addprefix $(LINUX_DTB_DIR)/,$(BOARD_DTBS)) $(IMAGES_DIR)/)
endef

$(eval $(generic-package))

$(LINUX_DIR)/.stamp_built: $(LINUX_BOOT_PATH_LISTS) $(if $(LINUX_BOOT_PATH_LISTS),$(TOPDIR)/support/dtb-drivers)
