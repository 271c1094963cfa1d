# Keel A/B boot for U-Boot: the bootloader algorithm of docs/ab-layout.md.
# support/mkdiskimg compiles this into boot.scr on the boot partition (found
# by U-Boot distro boot) and replaces @CMDLINE@ with the board kernel
# command line (root= comes from the slot), @BOOTIF@ @BOOTDEV@ with the
# board.mk's BOARD_UBOOT_DISK (virtio 0 here; mmc N on SD/eMMC boards). The
# state copies are read and
# written as raw sectors: LBA 2040 (0x7f8) and 2044 (0x7fc), 2 sectors each.
# Numbers in U-Boot commands are hex. No apostrophes in comments: inside
# the single-quoted variables below one would end the quote.

@BOOTIF@ dev @BOOTDEV@
setexpr keel_hbuf ${scriptaddr} + 0x100000
setexpr keel_rbuf ${keel_hbuf} + 0x1000
setexpr keel_wbuf ${keel_hbuf} + 0x2000

# The block signature, made by exporting a variable whose value it is to 9
# bytes before the buffer, so "keel_hdr=" falls just outside it.
setenv keel_hdr "# GRUB Environment Block"
setexpr keel_at ${keel_hbuf} - 9
env export -t ${keel_at} keel_hdr

# keel_load LBA: read one copy into keel_seq..keel_end; keel_valid=1 if it has
# the signature and is a whole, well-formed state (keel_end = keel_seq).
setenv keel_load '
	setenv keel_valid 0
	setenv keel_seq; setenv keel_order; setenv keel_trial; setenv keel_good; setenv keel_end
	mw.b ${keel_rbuf} 0 0x401
	if @BOOTIF@ read ${keel_rbuf} ${keel_lba} 2 && cmp.b ${keel_rbuf} ${keel_hbuf} 0x19; then
		env import -t ${keel_rbuf} 0x400 keel_seq keel_order keel_trial keel_good keel_end
		# 9 digits at most, as GRUB on the x86 boards can compare no more.
		# The U-Boot regex library has no ranges: [1-9] would mean 1, -, 9.
		# (One test per if: hush does not continue a condition over lines.)
		setenv keel_ok 0
		if setexpr keel_chk sub "^[123456789][0123456789]?[0123456789]?[0123456789]?[0123456789]?[0123456789]?[0123456789]?[0123456789]?[0123456789]?$" ok "${keel_seq}"; then
			if test "${keel_end}" = "${keel_seq}"; then setenv keel_ok 1; fi
		fi
		if test ${keel_ok} = 1; then
			if setexpr keel_chk sub "^[AB]$" ok "${keel_order}"; then
				if setexpr keel_chk sub "^[AB]$" ok "${keel_good}"; then
					if setexpr keel_chk sub "^(none|0|1|2|3)$" ok "${keel_trial}"; then
						setenv keel_valid 1
					fi
				fi
			fi
		fi
	fi'

# keel_inc: keel_next = keel_seq + 1 in decimal (setexpr only does hex):
# the trailing 9s become 0s, the digit before them goes up by one.
setenv keel_inc '
	setenv keel_head ${keel_seq}; setenv keel_tail
	while setexpr keel_cut sub "9$" "" ${keel_head}; do
		setenv keel_head ${keel_cut}; setenv keel_tail 0${keel_tail}
	done
	if test -z "${keel_head}"; then setenv keel_head 1
	elif setexpr keel_head sub "0$" 1 ${keel_head}; then true
	elif setexpr keel_head sub "1$" 2 ${keel_head}; then true
	elif setexpr keel_head sub "2$" 3 ${keel_head}; then true
	elif setexpr keel_head sub "3$" 4 ${keel_head}; then true
	elif setexpr keel_head sub "4$" 5 ${keel_head}; then true
	elif setexpr keel_head sub "5$" 6 ${keel_head}; then true
	elif setexpr keel_head sub "6$" 7 ${keel_head}; then true
	elif setexpr keel_head sub "7$" 8 ${keel_head}; then true
	else setexpr keel_head sub "8$" 9 ${keel_head}
	fi
	setenv keel_next ${keel_head}${keel_tail}'

# keel_boot: load the kernel of slot keel_slot, 32 MiB into its partition, and
# boot it with keel_extra; returns only if that fails.
setenv keel_boot '
	if test "${keel_slot}" = B; then setenv keel_part 3; else setenv keel_part 2; fi
	echo "keel-boot: slot ${keel_slot} (state: ${keel_why})"
	part start @BOOTIF@ @BOOTDEV@ ${keel_part} keel_pstart
	setexpr keel_klba ${keel_pstart} + 0x10000
	if @BOOTIF@ read ${kernel_addr_r} ${keel_klba} 0x4000; then
		setenv bootargs "@CMDLINE@ root=PARTUUID=@DISKID@-0${keel_part} rootwait keel.slot=${keel_slot} ${keel_extra}"
		booti ${kernel_addr_r} - ${fdtcontroladdr}
	fi
	echo "keel-boot: slot ${keel_slot} has no bootable kernel"'

setenv keel_lba 0x7f8; run keel_load
setenv keel_v1 ${keel_valid}; setenv keel_s1 ${keel_seq}; setenv keel_o1 ${keel_order}
setenv keel_t1 ${keel_trial}; setenv keel_g1 ${keel_good}
setenv keel_lba 0x7fc; run keel_load
setenv keel_v2 ${keel_valid}

# The newest valid copy wins (copy 1 on a tie); a write replaces the other.
setenv keel_have 1
if test ${keel_v2} = 1 && test ${keel_v1} = 1 && test ${keel_seq} -gt ${keel_s1}; then
	setenv keel_older 0x7f8
elif test ${keel_v2} = 1 && test ${keel_v1} != 1; then
	setenv keel_older 0x7f8
elif test ${keel_v1} = 1; then
	setenv keel_older 0x7fc
	setenv keel_seq ${keel_s1}; setenv keel_order ${keel_o1}
	setenv keel_trial ${keel_t1}; setenv keel_good ${keel_g1}
else
	setenv keel_have 0
fi
if test ${keel_have} = 1; then
	setenv keel_why "seq=${keel_seq} order=${keel_order} trial=${keel_trial} good=${keel_good}"
else
	setenv keel_why "no valid copy, factory default"
	setenv keel_order A; setenv keel_trial none; setenv keel_good A
fi
setenv keel_fallback ${keel_good}
setenv keel_extra

if test "${keel_trial}" = none; then
	setenv keel_slot ${keel_order}; run keel_boot
elif test "${keel_trial}" = 0; then
	setenv keel_why "${keel_why}: trial failed, back to the good slot"
	setenv keel_slot ${keel_good}; run keel_boot
else
	# A trial boot: count it on disk before booting, into the older copy.
	run keel_inc
	if test ${keel_trial} = 3; then setenv keel_trial 2
	elif test ${keel_trial} = 2; then setenv keel_trial 1
	else setenv keel_trial 0
	fi
	setenv keel_seq ${keel_next}; setenv keel_end ${keel_next}
	setenv keel_slot ${keel_order}
	# The block: signature, the variables, # up to 1 KiB.
	mw.b ${keel_wbuf} 0x23 0x400
	cp.b ${keel_hbuf} ${keel_wbuf} 0x19
	# One export per variable: `env export` sorts names, which would put
	# keel_end first; keel_seq must come first and keel_end last, so a
	# write cut short never pairs a new seq/end with a stale keel_trial.
	setexpr keel_at ${keel_wbuf} + 0x19
	for keel_v in keel_seq keel_order keel_trial keel_good keel_end; do
		env export -t ${keel_at} ${keel_v}
		setexpr keel_at ${keel_at} + ${filesize}
		setexpr keel_at ${keel_at} - 1
	done
	mw.b ${keel_at} 0x23 1
	setenv keel_lba ${keel_older}
	setenv keel_valid 0
	if @BOOTIF@ write ${keel_wbuf} ${keel_older} 2; then run keel_load; fi
	if test ${keel_valid} = 1 && test "${keel_seq}" = "${keel_next}"; then
		setenv keel_why "${keel_why}, now trial=${keel_trial} seq=${keel_seq}"
		setenv keel_extra keel.trial=1
		run keel_boot
		setenv keel_extra
	else
		# Never boot a trial that was not counted: it could loop forever.
		setenv keel_why "${keel_why}: could not record the trial boot, back to the good slot"
		setenv keel_slot ${keel_fallback}; run keel_boot
	fi
fi

# The chosen slot did not load: try the good slot, then the other one, then
# stop. Trying the other slot is safe: keel-upgrade leaves a slot it did not
# finish verifying without a loadable kernel (docs/ab-layout.md, step 5), and
# with both state copies lost it is what saves a device whose A is damaged.
setenv keel_why "${keel_why}: fallback"
setenv keel_slot ${keel_fallback}; run keel_boot
if test "${keel_fallback}" = A; then setenv keel_slot B; else setenv keel_slot A; fi
run keel_boot
echo "keel-boot: no bootable slot"
