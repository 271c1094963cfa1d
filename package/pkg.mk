# The generic package machinery: a package's <pkg>.mk sets FOO_* variables and
# FOO_*_CMDS define blocks, then calls $(eval $(generic-package)) (or
# host-generic-package, for tools built to run on the build machine).
#
# Steps, each a stamp file in the package's build directory ($(@D) in recipes):
#   .stamp_downloaded  sources in $(DL_DIR)/<pkg>/, sha256 checked against <pkg>.hash
#   .stamp_extracted   unpacked (FOO_EXTRACT_CMDS overrides tar)
#   .stamp_patched     Debian patches named in FOO_DEBIAN_PATCHES, then package/<pkg>/*.patch
#   .stamp_configured  FOO_CONFIGURE_CMDS
#   .stamp_built       FOO_BUILD_CMDS
#   .stamp_installed   FOO_INSTALL_STAGING_CMDS into $(STAGING_DIR),
#                      FOO_INSTALL_TARGET_CMDS into $(TARGET_DIR), which is the
#                      package's own tree under per-package/ (the rootfs step merges them)
#
# Variables a recipe may set:
#   FOO_VERSION, FOO_SOURCE            the main source file, as stored in the cache
#   FOO_SITE_URLS                      upstream URLs for FOO_SOURCE, tried first (short timeouts)
#   FOO_DEBIAN_SOURCE = src=ver        fallback: apt-get source --download-only
#   FOO_DEBIAN_BINARY = pkg=ver        fallback: apt-get download (a .deb holding the source)
#   FOO_EXTRA_DOWNLOADS                more files from the same Debian source (e.g. debian.tar.xz)
#   FOO_DEBIAN_PATCHES                 patches taken from FOO_EXTRA_DOWNLOADS' debian/patches
#   FOO_SITE_METHOD = local            Keel's own code: sources are package/<pkg>/ itself
#   FOO_DEPENDENCIES                   packages installed before this one is configured
#   FOO_INSTALL_STAGING = YES          run FOO_INSTALL_STAGING_CMDS
#   FOO_HASH_FILE                      defaults to package/<pkg>/<pkg>.hash
#   FOO_LICENSE, FOO_LICENSE_FILES, FOO_CPE_ID_VENDOR, FOO_CPE_ID_PRODUCT  for the manifest

PACKAGES :=

# Upper-case a package name the way Buildroot does: foo-bar -> FOO_BAR.
UPPERCASE = $(shell echo '$(1)' | tr 'a-z-' 'A-Z_')

pkgdir = $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
pkgname = $(notdir $(pkgdir))

# Each step is timed and logged by support/step.sh; with V=1 the log goes to the terminal.
step-begin = . $(TOPDIR)/support/step.sh; step_begin '$(1)' '$(2)' '$(@D)/.log-$(2)' '$(V)'
step-end = step_end '$@'

# inner-generic-package NAME UPPER PKGDIR
define inner-generic-package
PACKAGES += $(1)
$(2)_NAME = $(1)
$(2)_PKGDIR = $(3)
$(2)_DL_DIR = $$(DL_DIR)/$(patsubst host-%,%,$(1))
# No version in the path: a version bump changes the .hash file, which redoes every step.
$(2)_DIR = $$(BUILD_DIR)/$(1)
ifeq ($$($(2)_SITE_METHOD),local)
$(2)_LOCAL_FILES := $$(shell find $(3) -type f ! -path '*/corpus/*' ! -name '*.mk' ! -name '*.hash' ! -name 'test_*' ! -name 'fuzz_*' 2>/dev/null)
$(2)_HASH_FILE =
else
$(2)_HASH_FILE ?= $(3)/$(patsubst host-%,%,$(1)).hash
endif
$(2)_TARGET_DIR = $$(PER_PACKAGE_DIR)/$(1)
$(2)_ALL_DOWNLOADS = $$(strip $$($(2)_SOURCE) $$($(2)_EXTRA_DOWNLOADS))
$(2)_PATCHES = $$(sort $$(wildcard $(3)/*.patch))

$(1): $$($(2)_DIR)/.stamp_installed
$(1)-source: $$($(2)_DIR)/.stamp_downloaded
$(1)-dirclean:
	rm -rf $$($(2)_DIR) $$($(2)_TARGET_DIR)
$(1)-rebuild:
	rm -f $$($(2)_DIR)/.stamp_built $$($(2)_DIR)/.stamp_installed
	$$(MAKE) BOARD=$$(BOARD) $(1)
$(1)-reconfigure:
	rm -f $$($(2)_DIR)/.stamp_configured $$($(2)_DIR)/.stamp_built $$($(2)_DIR)/.stamp_installed
	$$(MAKE) BOARD=$$(BOARD) $(1)
.PHONY: $(1) $(1)-source $(1)-dirclean $(1)-rebuild $(1)-reconfigure

# The install step sees its own tree as TARGET_DIR.
$$($(2)_DIR)/.stamp_installed: TARGET_DIR = $$($(2)_TARGET_DIR)

$$($(2)_DIR)/.stamp_downloaded: $$($(2)_HASH_FILE) | $$(HOST_DEPS_STAMP)
	@$$(call step-begin,$(1),download)
	$$(if $$($(2)_ALL_DOWNLOADS),$$(TOPDIR)/support/download --pkg $(1) \
		--hash $$($(2)_HASH_FILE) --dir $$($(2)_DL_DIR) \
		$$(addprefix --url ,$$($(2)_SITE_URLS)) \
		$$(addprefix --debian-source ,$$($(2)_DEBIAN_SOURCE)) \
		$$(addprefix --debian-binary ,$$($(2)_DEBIAN_BINARY)) \
		$$($(2)_ALL_DOWNLOADS))
	$$(call step-end)

$$($(2)_DIR)/.stamp_extracted: $$($(2)_DIR)/.stamp_downloaded $$($(2)_PATCHES)
	@$$(call step-begin,$(1),extract)
	find $$(@D) -mindepth 1 -maxdepth 1 ! -name '.stamp_downloaded' ! -name '.log-*' -exec rm -rf {} +
	$$(if $$($(2)_EXTRACT_CMDS),$$($(2)_EXTRACT_CMDS),$$(if $$($(2)_SOURCE),tar -xf $$($(2)_DL_DIR)/$$($(2)_SOURCE) -C $$(@D) --strip-components=1 --no-same-owner))
	$$(call step-end)

$$($(2)_DIR)/.stamp_patched: $$($(2)_DIR)/.stamp_extracted
	@$$(call step-begin,$(1),patch)
	$$(if $$($(2)_DEBIAN_PATCHES),mkdir -p $$(@D)/.debian && tar -xf $$($(2)_DL_DIR)/$$(filter %.debian.tar.xz,$$($(2)_EXTRA_DOWNLOADS)) -C $$(@D)/.debian)
	for p in $$(addprefix $$(@D)/.debian/debian/patches/,$$($(2)_DEBIAN_PATCHES)) $$($(2)_PATCHES); do
		echo "applying $$$${p##*/}"; patch -d $$(@D) -p1 -N --no-backup-if-mismatch < "$$$$p"
	done
	$$($(2)_POST_PATCH_CMDS)
	$$(call step-end)

$$($(2)_DIR)/.stamp_configured: $$($(2)_DIR)/.stamp_patched $$($(2)_PKGDIR)/$(patsubst host-%,%,$(1)).mk \
		$$(call dependency-stamps,$$($(2)_DEPENDENCIES)) \
		$$($(2)_CONFIG_FILES)
	@$$(call step-begin,$(1),configure)
	$$($(2)_CONFIGURE_CMDS)
	$$(call step-end)

$$($(2)_DIR)/.stamp_built: $$($(2)_DIR)/.stamp_configured $$($(2)_LOCAL_FILES)
	@$$(call step-begin,$(1),build)
	$$($(2)_BUILD_CMDS)
	$$(call step-end)

$$($(2)_DIR)/.stamp_installed: $$($(2)_DIR)/.stamp_built
	@$$(call step-begin,$(1),install)
	rm -rf $$(TARGET_DIR) && mkdir -p $$(TARGET_DIR)
	$$(if $$(filter YES,$$($(2)_INSTALL_STAGING)),$$($(2)_INSTALL_STAGING_CMDS))
	$$($(2)_INSTALL_TARGET_CMDS)
	$$(TOPDIR)/support/strip-tree $$(TARGET_DIR) $$(BOARD_CROSS)strip
	$$(call step-end)
endef

# In FOO_DEPENDENCIES, `toolchain` stands for the C library and kernel headers,
# and `bar-patched` means bar's patched source tree (not its installed files).
TOOLCHAIN_PACKAGES = musl linux-headers
dependency-stamps = $(foreach d,$(patsubst toolchain,$(TOOLCHAIN_PACKAGES),$(1)),$(if $(filter %-patched,$(d)),$(BUILD_DIR)/$(d:-patched=)/.stamp_patched,$(BUILD_DIR)/$(d)/.stamp_installed))

generic-package = $(call inner-generic-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir))
host-generic-package = $(call inner-generic-package,host-$(pkgname),HOST_$(call UPPERCASE,$(pkgname)),$(pkgdir))

# Keel's programs carry KEEL_VERSION (-V/--version): a new commit rebuilds
# them, or an incremental build would differ from a clean one.
KEEL_VERSION_STAMP = $(BUILD_DIR)/.keel-version
$(shell mkdir -p $(BUILD_DIR) && { [ "$$(cat $(KEEL_VERSION_STAMP) 2>/dev/null)" = "$(KEEL_VERSION)" ] || echo "$(KEEL_VERSION)" > $(KEEL_VERSION_STAMP); })

# Keel's own C programs and libraries (built with package/keel.mk). Their
# objects go to $(@D)/obj and are thrown away whenever the package is
# reconfigured (a dependency such as libkeel was reinstalled): -MMD does not
# track headers found in the sysroot, so an incremental build could mix old
# and new struct layouts. A library (FOO_INSTALL_STAGING = YES) installs
# into the sysroot, a program into its target tree.
define inner-keel-package
$(2)_VERSION = $$(KEEL_VERSION)
$(2)_CONFIG_FILES += $$(KEEL_VERSION_STAMP)
$(2)_SITE_METHOD = local
$(2)_LICENSE ?= MIT
$(2)_DEPENDENCIES := toolchain $$($(2)_DEPENDENCIES)
$(2)_MAKE = $$(MAKE) -C $(3) O=$$(@D)/obj CC="$$(TARGET_CC)" KEEL_VERSION=$$(KEEL_VERSION)
define $(2)_CONFIGURE_CMDS
	rm -rf $$(@D)/obj
endef
define $(2)_BUILD_CMDS
	$$($(2)_MAKE) -j$$(NPROC) all
endef
ifeq ($$($(2)_INSTALL_STAGING),YES)
define $(2)_INSTALL_STAGING_CMDS
	$$($(2)_MAKE) DESTDIR=$$(STAGING_DIR) install
endef
else
define $(2)_INSTALL_TARGET_CMDS
	$$($(2)_MAKE) DESTDIR=$$(TARGET_DIR) install
endef
endif

endef

keel-package = $(call inner-keel-package,$(pkgname),$(call UPPERCASE,$(pkgname)),$(pkgdir))$(generic-package)
