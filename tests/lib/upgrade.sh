# tests/lib/upgrade.sh - keel-upgrade on the build machine against a fake
# disk of plain files (docs/ab-layout.md): the boot state area (disk.img,
# the first MiB: copies at LBA 2040 and 2044) and two 40 MiB slots (a.img,
# b.img). Used by tests/upgrade/run and tests/attack/upgrade-attack; source
# it after tests/lib/check.sh, with $top (the source tree) and $work (an
# empty temporary directory, the current directory from upgrade_build on).
#
#   upgrade_build            host libkeel, keel-upgrade, keel-bundle in $work;
#                            non-zero on failure (log in $work/build.log).
#                            Sets $kb (keel-bundle) and KU (keel-upgrade argv)
#   make_env FILE seq order trial good end
#                            a boot state block, as grub-editenv writes it
#   upgrade_disk SLOT_A_IMAGE
#                            the pristine disk: state "A, confirmed", slot A
#                            holds SLOT_A_IMAGE, slot B zeros (factory)
#   reset_disk [A|B]         back to the pristine disk, empty /data, running slot
#   ku ARGS...               keel-upgrade on the fake disk
#   nextboot                 what --status says the next boot is
#   state                    a hash of both state copies (unchanged or not)
#   copy N                   state copy N's 1024 bytes

upgrade_build() {
	{ make -s -C "$top/package/libkeel" O="$work/libkeel" all &&
		for p in keel-upgrade keel-bundle; do
			make -s -C "$top/package/$p" O="$work/$p" CPPFLAGS="-I$top/package/libkeel" \
				LDFLAGS="-L$work/libkeel" all || return 1
		done; } >"$work/build.log" 2>&1 || return 1
	kb=$work/keel-bundle/keel-bundle
	KU=("$work/keel-upgrade/keel-upgrade" --disk disk.img --slot-a a.img --slot-b b.img
		--cmdline cmdline --os-release os-release --board-file /nonexistent
		--pubkey keys/bundle.pub --slots-db data/keel/slots)
	cd "$work"
}

make_env() {	# make_env FILE seq order trial good end
	if command -v grub-editenv >/dev/null; then
		rm -f "$1"; grub-editenv "$1" create
		grub-editenv "$1" set keel_seq=$2 keel_order=$3 keel_trial=$4 keel_good=$5 keel_end=$6
	else
		{ printf '# GRUB Environment Block\nkeel_seq=%s\nkeel_order=%s\nkeel_trial=%s\nkeel_good=%s\nkeel_end=%s\n' "$2" "$3" "$4" "$5" "$6"
		  head -c 1024 /dev/zero | tr '\0' '#'; } | head -c 1024 > "$1"
	fi
}

upgrade_disk() {	# upgrade_disk SLOT_A_IMAGE
	truncate -s 1M pristine-disk.img
	make_env env1 1 A none A 1
	dd if=env1 of=pristine-disk.img bs=512 seek=2040 conv=notrunc status=none
	truncate -s 40M pristine-a.img
	dd if="$1" of=pristine-a.img conv=notrunc status=none
	truncate -s 40M pristine-b.img
	printf 'NAME=Keel\nKEEL_BOARD=qemu-x86_64\nKEEL_VERSION_NUMBER=1500\n' > os-release
}

reset_disk() {
	cp --sparse=always pristine-disk.img disk.img
	cp --sparse=always pristine-a.img a.img
	cp --sparse=always pristine-b.img b.img
	rm -rf data
	echo "BOOT_IMAGE=/vmlinuz root=/dev/vda2 keel.slot=${1:-A}" > cmdline
}

ku() { "${KU[@]}" "$@"; }
state() { dd if=disk.img bs=512 skip=2040 count=8 status=none | sha256sum | cut -c1-16; }
copy() { dd if=disk.img bs=512 skip=$((2040 + 4 * $1)) count=2 status=none; }
nextboot() { ku --status | sed -n 's/^next boot: //p'; }
