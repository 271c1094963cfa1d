# tests/lib/disks.sh - Linux's names for the guest's disks under each
# KEEL_QEMU_PROFILE of support/qemu-boot (source it).
#
#   keel_disk       the boot disk: vda (virtio), sda (AHCI, USB), nvme0n1,
#                   mmcblk0 (SD); the second name of its kind when
#                   KEEL_QEMU_EMPTY_DISK puts an empty disk first
#   empty_disk      that empty disk's name (vda, sda, nvme0n1)
#   part_name D N   partition N of disk D: vda4, sda4, nvme0n1p4
keel_disk() {
	local n=0
	[ -n "${KEEL_QEMU_EMPTY_DISK:-}" ] && n=1
	case ${KEEL_QEMU_PROFILE:-} in
	'') [ $n = 1 ] && echo vdb || echo vda ;;
	q35 | usb) [ $n = 1 ] && echo sdb || echo sda ;;
	nvme) echo "nvme${n}n1" ;;
	sd) echo mmcblk0 ;;
	esac
}
empty_disk() {
	case ${KEEL_QEMU_PROFILE:-} in
	'') echo vda ;;
	q35 | usb) echo sda ;;
	nvme) echo nvme0n1 ;;
	esac
}
part_name() {
	case $1 in
	*[0-9]) echo "${1}p$2" ;;
	*) echo "$1$2" ;;
	esac
}
