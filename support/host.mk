# The build machine's Debian packages (the last line: test peers and oracles). Whatever is missing is installed (as
# root, with apt-get) before the first package step; the stamp's name carries
# a hash of the list, so adding a package here re-checks.
HOST_DEBS = build-essential bc bison flex libelf-dev libssl-dev \
	gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf \
	squashfs-tools ccache xz-utils bzip2 cpio file rsync curl ca-certificates \
	qemu-system-x86 qemu-system-arm qemu-user-static \
	clang libclang-rt-14-dev \
	nftables socat strace iputils-ping iproute2 udhcpc isc-dhcp-client kea-admin bind9-dnsutils dnsperf python3 \
	nmap libpcap-dev nfdump softflowd rsyslog libsodium-dev \
	grub-pc-bin u-boot-qemu mtools dosfstools e2fsprogs fdisk \
	autoconf automake libtool openssh-client ndisc6 u-boot-tools
HOST_DEPS_STAMP := $(TOPDIR)/output/.host-deps-$(shell echo '$(HOST_DEBS)' | md5sum | cut -c1-8)

$(HOST_DEPS_STAMP):
	@$(TOPDIR)/support/host-deps $(HOST_DEBS)
	mkdir -p $(@D) && touch $@

host-deps: $(HOST_DEPS_STAMP)
.PHONY: host-deps
